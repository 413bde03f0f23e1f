/// Affine quantization of a tensor: `real = scale * (q - zeroPoint)`.
///
/// Per-tensor when `axis` is nil (one scale and one zero point); per-channel along `axis`
/// otherwise (one entry per index of that dimension).
public struct QuantParams: Hashable, Sendable {
    /// One scale (per-tensor) or one per channel.
    public var scale: [Float]
    /// One zero point (per-tensor) or one per channel.
    public var zeroPoint: [Int32]
    /// The channel dimension for per-channel parameters; nil for per-tensor.
    public var axis: Int?

    /// Creates quantization parameters; `scale` and `zeroPoint` have the same non-zero count.
    public init(scale: [Float], zeroPoint: [Int32], axis: Int? = nil) {
        precondition(!scale.isEmpty && scale.count == zeroPoint.count, "scale/zero point count mismatch")
        self.scale = scale
        self.zeroPoint = zeroPoint
        self.axis = axis
    }

    /// Per-tensor parameters.
    public static func perTensor(scale: Float, zeroPoint: Int32) -> QuantParams {
        QuantParams(scale: [scale], zeroPoint: [zeroPoint])
    }

    /// True when there is a single scale and zero point.
    public var isPerTensor: Bool { axis == nil }

    /// The scale of channel `c` (the single scale when per-tensor).
    public func scale(channel c: Int) -> Float { scale.count == 1 ? scale[0] : scale[c] }

    /// The zero point of channel `c` (the single zero point when per-tensor).
    public func zeroPoint(channel c: Int) -> Int32 { zeroPoint.count == 1 ? zeroPoint[0] : zeroPoint[c] }
}
