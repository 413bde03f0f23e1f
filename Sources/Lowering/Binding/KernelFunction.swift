import IR

/// A family of C kernels: one header in `Templates/kernels/common/` that is its contract (the
/// parameter typedefs, the functions of every variant, their loop orders and overlap guarantees)
/// and the source files of each variant (`portable/`, `arm/`).
public enum KernelFamily: String, CaseIterable, Sendable, Hashable, Comparable {
    case activations = "mcuc_activations"
    case batchMatMul = "mcuc_batch_matmul"
    case concat = "mcuc_concat"
    case conv2d = "mcuc_conv2d"
    case depthwise = "mcuc_depthwise"
    case elementwise = "mcuc_elementwise"
    case elementwiseMore = "mcuc_elementwise_more"
    case fullyConnected = "mcuc_fully_connected"
    case gather = "mcuc_gather"
    case l2norm = "mcuc_l2norm"
    /// int16x8 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV (portable only).
    case linearS16 = "mcuc_linear_s16"
    case logSoftmax = "mcuc_log_softmax"
    case lstm = "mcuc_lstm"
    case mean = "mcuc_mean"
    case pad = "mcuc_pad"
    case pool = "mcuc_pool"
    case quantize = "mcuc_quantize"
    case resize = "mcuc_resize"
    case softmax = "mcuc_softmax"
    case stridedSlice = "mcuc_strided_slice"
    case svdf = "mcuc_svdf"
    case transpose = "mcuc_transpose"
    case transposeConv = "mcuc_transpose_conv"

    /// `mcuc_conv2d.h`.
    public var header: String { rawValue + ".h" }

    /// The files of `variant`'s functions: `mcuc_conv2d.c` (portable), or `mcuc_conv2d_dsp.c`
    /// followed by the parts a long variant is split into, one kernel topic each
    /// (`mcuc_conv2d_direct_dsp.c`). Every file includes only the family header and the variant's
    /// headers, so each stands alone and a model gets only the files of the functions it calls.
    public func sources(_ variant: KernelVariant) -> [String] {
        if variant == .portable { return [rawValue + ".c"] }
        return ([nil] + parts(variant)).map { part in
            [rawValue, part, variant.rawValue].compactMap { $0 }.joined(separator: "_") + ".c"
        }
    }

    /// The topics of `variant`'s extra files, in emission order.
    private func parts(_ variant: KernelVariant) -> [String] {
        switch (self, variant) {
        case (.conv2d, .dsp): ["direct"]
        case (.depthwise, .dsp): ["inplace", "inplace_padded"]
        default: []
        }
    }

    /// Helper files the family's portable source includes besides the shared headers: a header
    /// in `kernels/common/` and its source in `kernels/portable/` each (`mcuc_libm.h`,
    /// `mcuc_libm.c`), emitted with the family.
    public var helperFiles: [String] {
        switch self {
        case .logSoftmax: ["mcuc_libm.h", "mcuc_libm.c"]
        case .elementwiseMore: ["mcuc_elementwise.h"]   // its parameter typedef
        case .conv2d, .depthwise, .fullyConnected: ["mcuc_int4.h"]   // the *_int4 kernels' unpacking
        default: []
        }
    }

    public static func < (a: KernelFamily, b: KernelFamily) -> Bool { a.rawValue < b.rawValue }
}

/// Which implementation of a kernel runs: the portable C reference set (every core, the host),
/// or a variant for a core extension that must equal it bit for bit.
public enum KernelVariant: String, CaseIterable, Sendable, Hashable {
    /// Plain C99 (`Templates/kernels/portable/`).
    case portable
    /// The Armv7E-M / Armv8-M DSP extension (`SMLAD`, `SXTB16`; `Templates/kernels/arm/`).
    case dsp
    /// Helium, the M-profile vector extension (`arm_mve.h`; `Templates/kernels/arm/`).
    case mve

    /// Headers this variant's sources include besides their family's (emitted with them).
    public var headers: [String] {
        switch self {
        case .portable: []
        case .dsp: ["mcuc_dsp.h"]
        case .mve: ["mcuc_dsp.h"]
        }
    }

    /// True when a core with `features` can run this variant.
    public func runs(on features: Target.Features) -> Bool {
        switch self {
        case .portable: true
        case .dsp: features.dsp
        case .mve: features.mve
        }
    }
}

/// The exact C function one call runs.
public struct KernelFunction: Sendable, Hashable, CustomStringConvertible {
    public var family: KernelFamily
    public var variant: KernelVariant
    /// The C symbol (`mcuc_conv2d_1x1_s8`). Every kernel returns `mcuc_status`; the invoke
    /// function passes any status but `MCUC_OK` on.
    public var symbol: String

    public init(family: KernelFamily, variant: KernelVariant, symbol: String) {
        self.family = family
        self.variant = variant
        self.symbol = symbol
    }

    /// A function of the portable set.
    public static func portable(_ family: KernelFamily, _ symbol: String) -> KernelFunction {
        KernelFunction(family: family, variant: .portable, symbol: symbol)
    }

    /// `mcuc_conv2d_1x1_s8 (portable)`.
    public var description: String { "\(symbol) (\(variant.rawValue))" }
}
