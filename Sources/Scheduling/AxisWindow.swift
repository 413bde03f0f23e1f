/// How output indices of a sliding-window op map to input indices along one spatial axis:
/// output `o` reads inputs `o * stride - padBefore + k * dilation` for `k` in `0..<filter`;
/// taps outside `0..<inputSize` are padding (they read nothing).
///
/// Every op a patch stage can run has this form: CONV_2D, DEPTHWISE_CONV_2D and pools with their
/// TFLM padding; PAD as a 1-tap window shifted by its leading padding; element-wise ops and
/// channel concatenation as the identity window.
public struct AxisWindow: Sendable, Hashable {
    public var filter: Int
    public var stride: Int
    public var dilation: Int
    public var padBefore: Int
    public var inputSize: Int

    public init(filter: Int, stride: Int, dilation: Int = 1, padBefore: Int, inputSize: Int) {
        precondition(filter >= 1 && stride >= 1 && dilation >= 1, "malformed window")
        self.filter = filter
        self.stride = stride
        self.dilation = dilation
        self.padBefore = padBefore
        self.inputSize = inputSize
    }

    /// Output index `o` of an element-wise op over an axis of `size`.
    public static func identity(size: Int) -> AxisWindow {
        AxisWindow(filter: 1, stride: 1, padBefore: 0, inputSize: size)
    }

    /// The first tap of output `o` (may be negative: padding).
    public func firstTap(_ o: Int) -> Int { o * stride - padBefore }

    /// The last tap of output `o` (may be past the input: padding).
    public func lastTap(_ o: Int) -> Int { firstTap(o) + (filter - 1) * dilation }

    /// The smallest span of input indices holding every tap of the outputs `output` that lies
    /// inside the input (the real border's padding is never read). Empty when every tap is padding.
    /// Exact: its first and last indices are tapped.
    public func inputSpan(for output: Span) -> Span {
        guard !output.isEmpty else { return Span(0, 0) }
        var low = Int.max, high = Int.min
        for o in output.start..<output.end {
            let base = firstTap(o)
            let k0 = base >= 0 ? 0 : (-base + dilation - 1) / dilation
            let k1 = min(filter - 1, (inputSize - 1 - base) >= 0 ? (inputSize - 1 - base) / dilation : -1)
            guard k0 <= k1 else { continue }
            low = min(low, base + k0 * dilation)
            high = max(high, base + k1 * dilation)
        }
        return low <= high ? Span(low, high + 1) : Span(0, 0)
    }

    /// The padding taps a kernel computing `output` sees before its first input index, counted
    /// from the first tap: `max(0, -firstTap)`; only non-zero at the real leading border.
    public func paddingBefore(for output: Span) -> Int { max(0, -firstTap(output.start)) }

    /// The padding taps past the last input index: only non-zero at the real trailing border.
    public func paddingAfter(for output: Span) -> Int { max(0, lastTap(output.end - 1) + 1 - inputSize) }
}
