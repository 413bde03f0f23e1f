/// An operator with its typed attributes: the registry of every operator mcuc knows.
///
/// Each supported case carries the op's `OperatorDefinition` (its attributes, operand rules,
/// checks and `prepare`, one file per op in `Sources/IR/Ops/`). Adding an operator adds a case
/// here and a line to `definition`; the exhaustive switches of `Reference.evaluate` and
/// `Lowering` then name the two other places it needs. Operands are positional, as in TFLite:
/// e.g. CONV_2D takes (input, filter, bias?).
public enum Op: Sendable, Hashable {
    case conv2d(Conv2D)
    case depthwiseConv2d(DepthwiseConv2D)
    case fullyConnected(FullyConnected)
    case add(Add)
    case sub(Sub)
    case mul(Mul)
    case averagePool2d(AveragePool2D)
    case maxPool2d(MaxPool2D)
    case mean(Mean)
    case pad(Pad)
    case padV2(PadV2)
    case reshape(Reshape)
    case squeeze(Squeeze)
    case softmax(Softmax)
    case concatenation(Concatenation)
    case logistic(Logistic)
    case tanh(Tanh)
    case hardSwish(HardSwish)
    case relu(Relu)
    case relu6(Relu6)
    case leakyRelu(LeakyRelu)
    case quantize(Quantize)
    case dequantize(Dequantize)
    case resizeNearestNeighbor(ResizeNearestNeighbor)
    case transpose(Transpose)
    case stridedSlice(StridedSlice)
    case logSoftmax(LogSoftmax)
    case expandDims(ExpandDims)
    case slice(Slice)
    case depthToSpace(DepthToSpace)
    case spaceToDepth(SpaceToDepth)
    case pack(Pack)
    case maximum(Maximum)
    case minimum(Minimum)
    case abs(Abs)
    case mirrorPad(MirrorPad)
    case gather(Gather)
    case split(Split)
    case splitV(SplitV)
    case unpack(Unpack)
    case squaredDifference(SquaredDifference)
    case prelu(Prelu)
    case sum(Sum)
    case reduceMax(ReduceMax)
    case elu(Elu)
    case unidirectionalSequenceLSTM(UnidirectionalSequenceLSTM)
    case argMax(ArgMax)
    case argMin(ArgMin)
    case transposeConv(TransposeConv)
    case resizeBilinear(ResizeBilinear)
    case spaceToBatchNd(SpaceToBatchNd)
    case batchToSpaceNd(BatchToSpaceNd)
    case rsqrt(Rsqrt)
    case l2Normalization(L2Normalization)
    case batchMatMul(BatchMatMul)
    case svdf(Svdf)
    /// Any other operator: imported so it can be shown, rejected before planning.
    case unsupported(UnsupportedOpInfo)

    /// The op's definition; nil for `.unsupported`.
    public var definition: (any OperatorDefinition)? {
        switch self {
        case .conv2d(let d): d
        case .depthwiseConv2d(let d): d
        case .fullyConnected(let d): d
        case .add(let d): d
        case .sub(let d): d
        case .mul(let d): d
        case .averagePool2d(let d): d
        case .maxPool2d(let d): d
        case .mean(let d): d
        case .pad(let d): d
        case .padV2(let d): d
        case .reshape(let d): d
        case .squeeze(let d): d
        case .softmax(let d): d
        case .concatenation(let d): d
        case .logistic(let d): d
        case .tanh(let d): d
        case .hardSwish(let d): d
        case .relu(let d): d
        case .relu6(let d): d
        case .leakyRelu(let d): d
        case .quantize(let d): d
        case .dequantize(let d): d
        case .resizeNearestNeighbor(let d): d
        case .transpose(let d): d
        case .stridedSlice(let d): d
        case .logSoftmax(let d): d
        case .expandDims(let d): d
        case .slice(let d): d
        case .depthToSpace(let d): d
        case .spaceToDepth(let d): d
        case .pack(let d): d
        case .maximum(let d): d
        case .minimum(let d): d
        case .abs(let d): d
        case .mirrorPad(let d): d
        case .gather(let d): d
        case .split(let d): d
        case .splitV(let d): d
        case .unpack(let d): d
        case .squaredDifference(let d): d
        case .prelu(let d): d
        case .sum(let d): d
        case .reduceMax(let d): d
        case .elu(let d): d
        case .unidirectionalSequenceLSTM(let d): d
        case .argMax(let d): d
        case .argMin(let d): d
        case .transposeConv(let d): d
        case .resizeBilinear(let d): d
        case .spaceToBatchNd(let d): d
        case .batchToSpaceNd(let d): d
        case .rsqrt(let d): d
        case .l2Normalization(let d): d
        case .batchMatMul(let d): d
        case .svdf(let d): d
        case .unsupported: nil
        }
    }

    /// Every supported operator's definition type, in the order of the cases above (`mcuc
    /// operators` and the README's operator table list them; a test checks every op fixture's
    /// operator is here).
    public static let supportedDefinitions: [any OperatorDefinition.Type] = [
        Conv2D.self,
        DepthwiseConv2D.self,
        FullyConnected.self,
        Add.self,
        Sub.self,
        Mul.self,
        AveragePool2D.self,
        MaxPool2D.self,
        Mean.self,
        Pad.self,
        PadV2.self,
        Reshape.self,
        Squeeze.self,
        Softmax.self,
        Concatenation.self,
        Logistic.self,
        Tanh.self,
        HardSwish.self,
        Relu.self,
        Relu6.self,
        LeakyRelu.self,
        Quantize.self,
        Dequantize.self,
        ResizeNearestNeighbor.self,
        Transpose.self,
        StridedSlice.self,
        LogSoftmax.self,
        ExpandDims.self,
        Slice.self,
        DepthToSpace.self,
        SpaceToDepth.self,
        Pack.self,
        Maximum.self,
        Minimum.self,
        Abs.self,
        MirrorPad.self,
        Gather.self,
        Split.self,
        SplitV.self,
        Unpack.self,
        SquaredDifference.self,
        Prelu.self,
        Sum.self,
        ReduceMax.self,
        Elu.self,
        UnidirectionalSequenceLSTM.self,
        ArgMax.self,
        ArgMin.self,
        TransposeConv.self,
        ResizeBilinear.self,
        SpaceToBatchNd.self,
        BatchToSpaceNd.self,
        Rsqrt.self,
        L2Normalization.self,
        BatchMatMul.self,
        Svdf.self,
    ]

    /// The TFLite builtin name (`CONV_2D`), as `op_counts` and error messages print it.
    public var name: String {
        guard let definition else {
            guard case .unsupported(let info) = self else { preconditionFailure("a supported op has a definition") }
            return info.name
        }
        return type(of: definition).name
    }

    /// True for every op except `.unsupported`.
    public var isSupported: Bool { definition != nil }

    /// The fused activation, for ops that carry one.
    public var fusedActivation: FusedActivation? { definition?.fusedActivation }

    /// The op's attributes as ordered `key=value` pairs (`stride=2x2`), for the text form and
    /// `inspect`. Stable: the order and spelling are part of the golden text form.
    public var attributeSummary: [(key: String, value: String)] { definition?.attributeSummary ?? [] }
}

/// An operator mcuc does not implement, kept by name so tools can report it.
public struct UnsupportedOpInfo: Sendable, Hashable {
    /// The builtin code (`max(deprecated_builtin_code, builtin_code)`), or -1 for CUSTOM ops.
    public var builtinCode: Int32
    /// `UNIDIRECTIONAL_SEQUENCE_LSTM`, or `CUSTOM(<name>)` for custom ops (name sanitized).
    public var name: String
    public init(builtinCode: Int32, name: String) {
        self.builtinCode = builtinCode
        self.name = name
    }
}
