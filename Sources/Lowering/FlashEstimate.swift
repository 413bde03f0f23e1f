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
            case .packedDepthwise(let channels, let weightWords):
                result.weightBytes += 4 * weightWords
                result.biasBytes += 4 * channels
                result.requantizationBytes += 12 * channels
            case .packedDepthwisePadded(let channels, let weightWords):
                result.weightBytes += 4 * weightWords * channels
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

/// The code-size estimate used when the model cannot be built for its core (no arm-none-eabi-gcc):
/// a fixed part (the invoke function's frame), plus each call site, plus each distinct kernel once
/// (element-wise unary kernels once per operator). The figures are the least-squares fit of the
/// ELF code of every supported shared model and op fixture built with arm-none-eabi-gcc -O2 for
/// the Cortex-M4 (`scripts/bench-memory.py --fixtures --fit`, which also prints the estimate's
/// error; refit after the kernels change). Last fit: 2026-12-04, the kernel library returning
/// `mcuc_status`; error on the shared models -3% to +4% (mean 1.7%).
public enum CodeSizeModel {
    /// The invoke function's prologue, epilogue and return.
    public static let runtimeBytes = 33
    /// Argument set-up, the call of one step and the check of its status (its parameter block is
    /// a constant).
    public static let callSiteBytes = 16

    /// Bytes of one kernel's code.
    public static func kernelBytes(_ kernel: Kernel, op: Op) -> Int {
        switch kernel {
        case .reshapeAlias, .concatenationBySlices, .padFolded: 0
        case .copy: 40
        case .convGeneric: 697
        case .conv1x1: 399
        case .depthwiseGeneric: 601
        case .depthwiseInPlace: 672
        case .fullyConnected: 411
        case .elementwiseBinary: binaryBytes(op)
        case .pool: 404
        case .mean:
            switch op {
            case .reduceMax: 344   // mcuc_reduce_max_s8 and its odometer (nm -S, -O2 -mcpu=cortex-m4; not in the last fit)
            case .argMax, .argMin: 186  // mcuc_arg_min_max_s8 (nm -S, -O2 -mcpu=cortex-m4; not in the last fit)
            default: 577
            }
        case .softmax:
            switch op {
            case .logSoftmax: 3604   // mcuc_log_softmax_s8 and its shift table
            case .l2Normalization: 928 // mcuc_l2norm_s8 and its inverse square root, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
            default: 1506
            }
        case .pad: 168
        case .concatenationCopy: 83
        case .stridedSlice: 126
        case .transpose: 132
        case .resizeNearestNeighbor: 112
        case .split: 80          // mcuc_split_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 (not in the last fit)
        case .lstm: 2388         // mcuc_lstm_s8, its helpers and the 512-byte sigmoid table (arm-none-eabi-size, -O2 -mcpu=cortex-m4)
        case .gather:
            switch op {
            case .spaceToBatchNd: 228   // mcuc_space_to_batch_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 (not in the last fit)
            default: 292               // mcuc_axis_gather_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 (not in the last fit)
            }
        case .resizeBilinear: 344 // mcuc_resize_bilinear_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
        case .transposeConv: 812 // mcuc_transpose_conv_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
        case .svdf: 944          // mcuc_svdf_s8_s16 (the larger; _s8_s8 856), arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
        case .batchMatMul: 468   // mcuc_batch_matmul_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
        case .elementwiseUnary: unaryBytes(op)
        }
    }

    /// Bytes of an element-wise binary kernel: ADD's family, or `mcuc_elementwise_more`'s walk
    /// (SQUARED_DIFFERENCE, PRELU; arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4, not in the last fit).
    static func binaryBytes(_ op: Op) -> Int {
        switch op {
        case .squaredDifference, .prelu: 1176
        default: 1208
        }
    }

    /// A suffix to the code-size key of ops whose kernel is another function than their kernel
    /// kind's usual one (nil for the others): SQUARED_DIFFERENCE and PRELU's own file, REDUCE_MAX.
    static func ownCode(_ op: Op) -> String? {
        switch op {
        case .squaredDifference, .prelu: "/more"
        case .reduceMax: "/max"
        case .argMax, .argMin: "/arg"
        case .spaceToBatchNd: "/s2b"
        default: nil
        }
    }

    /// Bytes of an element-wise unary kernel, by operator.
    static func unaryBytes(_ op: Op) -> Int {
        switch op {
        case .logistic: 1194
        case .tanh: 1169
        case .hardSwish: 684
        case .leakyRelu: 417
        case .quantize, .relu: 256
        case .elu, .rsqrt: 64    // mcuc_lut_s8, arm-none-eabi-nm -S at -O2 -mcpu=cortex-m4 -mthumb (not in the last fit)
        default: 70
        }
    }

    /// Bytes of an Arm variant's own function, measured with arm-none-eabi-gcc -O2 -mcpu=cortex-m4
    /// (the Helium ones -mcpu=cortex-m55; `arm-none-eabi-nm -S` of `Templates/kernels/arm/*.c`);
    /// the GEMM core the 1x1 and k x k DSP convolutions share is `dspGemmCoreBytes`, counted once.
    public static func variantBytes(_ function: KernelFunction) -> Int {
        switch function.symbol {
        case KernelVariants.gemmDSP.symbol: 178
        case KernelVariants.convDSP.symbol: 638
        case KernelVariants.convDirectDSP.symbol: 1514
        case "mcuc_gemm1_s8_dsp": 1060
        case KernelVariants.depthwiseDSP.symbol: 1768
        case KernelVariants.depthwiseInPlaceDSP.symbol: 2774
        case KernelVariants.depthwiseInPlace3x3DSP.symbol: 1224
        case KernelVariants.depthwiseInPlaceKxKDSP.symbol: 1168
        case KernelVariants.gemmMVE.symbol: 1148
        case KernelVariants.convMVE.symbol: 1380
        case KernelVariants.addMVE.symbol, KernelVariants.subMVE.symbol: 490
        case KernelVariants.depthwiseMVE.symbol: 4102
        case KernelVariants.depthwiseInPlaceMVE.symbol: 4466
        case KernelVariants.avgPoolMVE.symbol, KernelVariants.maxPoolMVE.symbol: 1298
        default: 700
        }
    }

    /// Row packing and the one- and two-row GEMM blocks (the two-row one with and without the
    /// activation clamp) shared by `mcuc_gemm_s8_dsp` and `mcuc_conv2d_s8_dsp`.
    public static let dspGemmCoreBytes = 1374

    /// The estimate for a kernel plan.
    public static func estimate(_ plan: KernelPlan, graph: Graph) -> Int {
        var seen = Set<String>()
        var total = runtimeBytes
        for call in plan.calls where !call.kernel.isFree {
            let op = graph[call.node].op
            total += callSiteBytes
            if let function = call.binding?.function, function.variant != .portable {
                if seen.insert(function.symbol).inserted { total += variantBytes(function) }
                let sharesCore = [KernelVariants.gemmDSP, KernelVariants.convDSP].contains(function)
                if sharesCore, seen.insert("dsp-gemm-core").inserted { total += dspGemmCoreBytes }
                continue
            }
            // An int16-activation kernel is its own function (estimated at its int8 twin's size).
            let int16 = call.outputs.first.map { graph[$0].type == .int16 } == true ? "/s16" : ""
            let key = call.kernel.name + (call.kernel == .elementwiseUnary ? "/\(op.name)" : ownCode(op) ?? "") + int16
            if seen.insert(key).inserted { total += kernelBytes(call.kernel, op: op) }
        }
        return total
    }
}
