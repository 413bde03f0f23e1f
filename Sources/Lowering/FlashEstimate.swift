import IR

/// Flash the emitted model needs: the constant tables exactly as `CodeGen` emits them (the
/// `KernelPlan`'s tables, each once), plus an estimate of the code.
public struct FlashEstimate: Sendable, Hashable {
    /// int8 weights of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, and constant tensors read
    /// as data (constant operands, constant graph outputs), byte for byte.
    public var weightBytes: Int
    /// int32 biases (with the input zero point folded in where exact).
    public var biasBytes: Int
    /// int32 requantization multipliers and shifts.
    public var requantizationBytes: Int
    /// Index and size tables of data-movement kernels (resize source rows, concatenation slices).
    public var indexBytes: Int
    /// Estimated machine code: see `CodeSizeModel`.
    public var codeBytes: Int

    /// Every constant byte: what the emitted weights file holds in tables.
    public var constantBytes: Int { weightBytes + biasBytes + requantizationBytes + indexBytes }
    /// Everything.
    public var totalBytes: Int { constantBytes + codeBytes }

    /// The estimate for `plan` over `graph`.
    public static func estimate(_ plan: KernelPlan, graph: Graph) -> FlashEstimate {
        var result = FlashEstimate(weightBytes: 0, biasBytes: 0, requantizationBytes: 0, indexBytes: 0,
                                   codeBytes: CodeSizeModel.estimate(plan, graph: graph))
        for table in plan.tables {
            switch table.kind {
            case .weights, .tensor: result.weightBytes += table.byteCount
            case .packedGemm(_, let pairs, let groups):
                result.weightBytes += 8 * pairs * groups
                result.biasBytes += 8 * pairs
                result.requantizationBytes += 24 * pairs
            case .packedDepthwise(let channels):
                result.biasBytes += 4 * channels
                result.requantizationBytes += 12 * channels
            case .bias: result.biasBytes += table.byteCount
            case .multipliers, .shifts: result.requantizationBytes += table.byteCount
            case .indices: result.indexBytes += table.byteCount
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
