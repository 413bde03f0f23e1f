import IR

/// Flash the emitted model needs: constant data as CodeGen will emit it, plus an estimate of the
/// code. Constant data is exact; code is an estimate (a later issue measures it on the target).
public struct FlashEstimate: Sendable, Hashable {
    /// int8 weights of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and constant operands of
    /// element-wise ops, byte for byte.
    public var weightBytes: Int
    /// One int32 bias per output channel of every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED
    /// (emitted even when the model has none, since the input zero point is folded into it).
    public var biasBytes: Int
    /// One int32 multiplier and one int32 shift per output channel (per tensor for per-tensor
    /// weights) of every op with weights.
    public var requantizationBytes: Int
    /// Estimated machine code: see `CodeSizeModel`.
    public var codeBytes: Int

    /// Weights, biases and requantization parameters.
    public var constantBytes: Int { weightBytes + biasBytes + requantizationBytes }
    /// Everything.
    public var totalBytes: Int { constantBytes + codeBytes }

    /// The estimate for `plan` over `graph`.
    public static func estimate(_ plan: KernelPlan, graph: Graph) -> FlashEstimate {
        var result = FlashEstimate(weightBytes: 0, biasBytes: 0, requantizationBytes: 0,
                                   codeBytes: CodeSizeModel.estimate(plan, graph: graph))
        for call in plan.calls {
            let node = graph[call.node]
            switch node.op {
            case .conv2d, .depthwiseConv2d, .fullyConnected:
                guard let weightsID = node.input(1), let output = node.outputs.first else { continue }
                let weights = graph[weightsID]
                let channels = graph[output].shape.dims.last ?? 1
                let perChannel = (weights.quant?.scale.count ?? 1) > 1 ? channels : 1
                result.weightBytes += weights.data?.count ?? 0
                result.biasBytes += 4 * channels
                result.requantizationBytes += 8 * perChannel
            case .add, .sub, .mul:
                result.weightBytes += node.inputs.compactMap { $0 }.reduce(0) { $0 + (graph[$1].data?.count ?? 0) }
            default:
                continue
            }
        }
        return result
    }
}

/// The code-size estimate, in bytes of Thumb-2 built with `-Os`: a fixed runtime (the invoke
/// function and the shared requantization helpers), plus each distinct kernel once, plus each
/// call site (argument set-up and the call's constant parameter block). The per-kernel figures
/// are typical sizes of direct-loop int8 kernels of this kind, not measurements of mcuc's C;
/// the Cortex-M issue replaces them with `arm-none-eabi-size` of the emitted objects.
public enum CodeSizeModel {
    /// Invoke function, requantization and saturation helpers.
    public static let runtimeBytes = 600
    /// Argument set-up, call, and the constant parameter block of one call site.
    public static let callSiteBytes = 64

    /// Bytes of one kernel's code.
    public static func kernelBytes(_ kernel: Kernel, op: Op) -> Int {
        switch kernel {
        case .reshapeAlias, .concatenationBySlices, .padFolded: 0
        case .copy: 40
        case .conv1x1, .fullyConnected, .mean, .pad, .concatenationCopy: 500
        case .convGeneric, .depthwiseInPlace, .softmax: 900
        case .depthwiseGeneric, .elementwiseBinary, .pool, .stridedSlice: 700
        case .transpose, .resizeNearestNeighbor: 400
        case .elementwiseUnary:
            switch op {
            case .logistic, .tanh, .hardSwish: 600
            default: 200
            }
        }
    }

    /// The estimate for a kernel plan.
    public static func estimate(_ plan: KernelPlan, graph: Graph) -> Int {
        var seen = Set<String>()
        var total = runtimeBytes
        for call in plan.calls where !call.kernel.isFree {
            let op = graph[call.node].op
            total += callSiteBytes
            if seen.insert("\(call.kernel.name)/\(op.name)").inserted { total += kernelBytes(call.kernel, op: op) }
        }
        return total
    }
}
