/// The last step of every accumulating int8 kernel (convolutions, FULLY_CONNECTED): the int32
/// accumulator of output channel `c` becomes `MBQM(acc, M[c], s[c]) + zeroPoint`, clamped to
/// `range` (TFLM's requantization with double rounding).
public struct OutputRequantization: Sendable, Hashable {
    /// One multiplier per output channel, or a single one every channel shares.
    public var multipliers: [FixedPointMultiplier]
    /// The output zero point.
    public var zeroPoint: Int32
    /// The clamp range of the fused activation (`ActivationRange.fused`).
    public var range: ClosedRange<Int32>

    public init(multipliers: [FixedPointMultiplier], zeroPoint: Int32, range: ClosedRange<Int32>) {
        precondition(!multipliers.isEmpty, "at least one multiplier")
        self.multipliers = multipliers
        self.zeroPoint = zeroPoint
        self.range = range
    }

    /// True when each output channel has its own multiplier.
    public var isPerChannel: Bool { multipliers.count > 1 }

    /// The multiplier of output channel `c`.
    @inline(__always)
    public func multiplier(channel c: Int) -> FixedPointMultiplier { multipliers.count == 1 ? multipliers[0] : multipliers[c] }

    /// The requantization of a convolution-like op (CONV_2D, DEPTHWISE_CONV_2D, per-channel
    /// FULLY_CONNECTED): `in * w[c] / out` per weight scale (`RescaleRecipe.convolution`), one
    /// multiplier when the weights have one scale. The data input is operand `inputPosition` (0
    /// unless said; TRANSPOSE_CONV's is 2), the weights operand 1. The clamp range is the output
    /// type's (int8, or int16 for the 16x8 kernels).
    static func convolution(_ op: OpOperands, activation: FusedActivation,
                            inputPosition: Int = 0) -> OutputRequantization {
        let inScale = op.scale(op.input(inputPosition)), outQ = op.quant(op.output)
        let weights = op.quant(op.input(1))
        let multipliers = weights.scale.map { w in
            FixedPointMultiplier(real: RescaleRecipe.convolution(input: inScale, weight: w, output: outQ.scale[0]))
        }
        return OutputRequantization(multipliers: multipliers, zeroPoint: outQ.zeroPoint[0],
                                    range: ActivationRange.fused(activation, output: outQ, type: op.output.type))
    }
}
