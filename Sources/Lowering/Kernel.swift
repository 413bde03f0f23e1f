import IR

/// The kernel chosen for one step: one portable C family for every target for now (DSP and MVE
/// variants come later and keep these memory contracts). Each case documents the loop order the
/// emitted kernel must follow, because the step's `MemoryContract` is proved from it.
public enum Kernel: Sendable, Hashable {
    /// CONV_2D with a 1x1 filter and stride 1: for each pixel `p` in increasing order, for each
    /// output channel, accumulate over the input channels of pixel `p` (no im2col buffer). The DSP
    /// GEMM reads up to two pixels into its scratch before writing their outputs: every read
    /// only moves earlier, so the same streaming gap holds.
    case conv1x1
    /// Any other CONV_2D: direct loops (no im2col buffer); output rows in increasing order, then
    /// columns, then output channels; every padding tap is skipped.
    case convGeneric(ConvWindow)
    /// DEPTHWISE_CONV_2D, direct loops in the same order as `convGeneric`.
    case depthwiseGeneric(ConvWindow)
    /// DEPTHWISE_CONV_2D with multiplier 1 writing over its own input (TinyEngine's scheme): for
    /// each batch, for each channel `c` in increasing order, copy input channel `c` (H*W bytes) into
    /// the step's scratch, then compute output channel `c` from the scratch only.
    case depthwiseInPlace(ConvWindow)
    /// FULLY_CONNECTED: for each input row in increasing order, for each output channel,
    /// accumulate over that row (the DSP GEMM: rows in groups of up to two, as `conv1x1`).
    case fullyConnected
    /// ADD, SUB, MUL with broadcasting: output elements in increasing order, each written right
    /// after its operand elements were read.
    case elementwiseBinary
    /// RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH, HARD_SWISH, QUANTIZE, DEQUANTIZE: element `i`
    /// in increasing order is read, then output element `i` is written.
    case elementwiseUnary
    /// AVERAGE_POOL_2D / MAX_POOL_2D: output rows in increasing order, like `convGeneric`.
    case pool(ConvWindow)
    /// MEAN: for each output element, accumulate in a register over its reduced elements.
    case mean
    /// SOFTMAX and LOG_SOFTMAX, row by row: two passes read the whole row (max, then sum of
    /// exponentials), a third pass reads element `i` and then writes output element `i`, in
    /// increasing order. L2_NORMALIZATION likewise with one reading pass (the sum of squares).
    case softmax
    /// RESHAPE / SQUEEZE as a view of the input's bytes: no code runs.
    case reshapeAlias
    /// RESHAPE / SQUEEZE that cannot be a view (its input or output is caller-owned): a copy.
    case copy
    /// CONCATENATION whose producers wrote straight into their slices of the output: no code runs.
    case concatenationBySlices
    /// CONCATENATION by copying each input into its slices.
    case concatenationCopy
    /// PAD / PADV2 folded into its only consumer, which reads the unpadded input: no code runs.
    case padFolded
    /// PAD / PADV2 materialized as a copy with borders.
    case pad
    /// TRANSPOSE.
    case transpose
    /// STRIDED_SLICE.
    case stridedSlice
    /// RESIZE_NEAREST_NEIGHBOR.
    case resizeNearestNeighbor
    /// MIRROR_PAD, GATHER (constant coordinates), BATCH_TO_SPACE_ND: output elements in row-major
    /// order, each read from the input at the sum of its per-axis offsets; SPACE_TO_BATCH_ND:
    /// output pixels in row-major order, each copied from its input pixel or filled.
    case gather
    /// SPLIT, SPLIT_V, UNPACK: for each outer index in increasing order, each output's slice of
    /// the input in output order (the inverse of `concatenationCopy`).
    case split
    /// UNIDIRECTIONAL_SEQUENCE_LSTM: for each batch, each step in increasing order, for each unit,
    /// reads the step's whole input row and the state, then writes the unit of the step's output
    /// row (FULLY_CONNECTED's `interleaved` order over rows `b * steps + t`; time-major input with
    /// several batches visits its rows `t * batches + b` out of order).
    case lstm
    /// TRANSPOSE_CONV, gathered per output element: batches, output rows, columns, output
    /// channels, each summing the taps that land on it (any input pixel of the batch may be read).
    case transposeConv
    /// RESIZE_BILINEAR: output pixels in row-major order, each blended from up to four input
    /// pixels (any input pixel may be read).
    case resizeBilinear
    /// BATCH_MATMUL read through strides: output elements in row-major order, each summing a row
    /// of its lhs matrix against a column of its rhs matrix (any element of either may be read).
    case batchMatMul
    /// SVDF: for each batch, first every filter's new state value (the whole input row read),
    /// then every unit of the output row (state and weights_time only); no scratch.
    case svdf

    /// True for kernels that emit no code and move no data.
    public var isFree: Bool {
        switch self {
        case .reshapeAlias, .concatenationBySlices, .padFolded: true
        default: false
        }
    }

    /// Short stable name for reports (`conv1x1`, `dw-inplace`).
    public var name: String {
        switch self {
        case .conv1x1: "conv1x1"
        case .convGeneric: "conv"
        case .depthwiseGeneric: "dw"
        case .depthwiseInPlace: "dw-inplace"
        case .fullyConnected: "fc"
        case .elementwiseBinary: "binary"
        case .elementwiseUnary: "unary"
        case .pool: "pool"
        case .mean: "mean"
        case .softmax: "softmax"
        case .reshapeAlias: "alias"
        case .copy: "copy"
        case .concatenationBySlices: "concat-slices"
        case .concatenationCopy: "concat-copy"
        case .padFolded: "pad-folded"
        case .pad: "pad"
        case .transpose: "transpose"
        case .stridedSlice: "strided-slice"
        case .resizeNearestNeighbor: "resize-nearest"
        case .gather: "gather"
        case .split: "split"
        case .lstm: "lstm"
        case .transposeConv: "transpose-conv"
        case .resizeBilinear: "resize-bilinear"
        case .batchMatMul: "batch-matmul"
        case .svdf: "svdf"
        }
    }
}
