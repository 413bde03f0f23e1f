/// Output size and padding of a sliding window along one spatial axis (convolution, depthwise
/// convolution, pooling), as TFLM's `ComputeOutSize` and `ComputePaddingWithOffset` compute them.
///
/// SAME: `out = ceil(in / stride)`; VALID: `out = (in + stride - effectiveFilter) / stride` (C
/// truncation). Padding: `total = max((out - 1) * stride + effectiveFilter - in, 0)`, `before =
/// total / 2`; the odd pixel goes after. Taps outside the input are skipped by the kernels.
public struct ConvGeometry: Sendable, Hashable {
    /// Input extent along the axis.
    public var inputSize: Int
    /// Filter (window) extent along the axis, before dilation.
    public var filterSize: Int
    /// Step between windows.
    public var stride: Int
    /// Spacing between filter taps (1 for pooling).
    public var dilation: Int
    /// SAME or VALID.
    public var padding: Padding

    /// Geometry of one axis; `stride`, `dilation` and `filterSize` are >= 1 for a valid op.
    public init(inputSize: Int, filterSize: Int, stride: Int, dilation: Int = 1, padding: Padding) {
        self.inputSize = inputSize
        self.filterSize = filterSize
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
    }

    /// `(filterSize - 1) * dilation + 1`.
    public var effectiveFilterSize: Int { (filterSize - 1) * dilation + 1 }

    /// The output size TFLM computes (may be <= 0 for VALID when the filter is larger than the input).
    public var outputSize: Int {
        guard stride > 0 else { return 0 }
        switch padding {
        case .same: return (inputSize + stride - 1) / stride
        case .valid: return (inputSize + stride - effectiveFilterSize) / stride
        }
    }

    /// Padding before the first input element (top or left) for output size `outputSize`.
    public var paddingBefore: Int { totalPadding(outputSize: outputSize) / 2 }

    /// Padding before plus after for `outputSize` windows (TFLM's formula, whatever `padding` is):
    /// `max((outputSize - 1) * stride + effectiveFilterSize - inputSize, 0)`; the smaller half
    /// goes before.
    public func totalPadding(outputSize: Int) -> Int {
        max((outputSize - 1) * stride + effectiveFilterSize - inputSize, 0)
    }
}
