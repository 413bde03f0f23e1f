import IR

/// The last step of every accumulating int8 kernel: `MBQM(acc, M[c], s[c]) + zp`, clamped to
/// the fused activation's range (TFLM's requantization with double rounding).
struct OutputStage {
    /// One multiplier per output channel (or a single one shared by all channels).
    let multipliers: [FixedPointMultiplier]
    let zeroPoint: Int32
    let range: ClosedRange<Int32>

    /// Requantizes `acc` of channel `channel`.
    @inline(__always)
    func apply(_ acc: Int32, channel: Int) -> Int8 {
        let m = multipliers.count == 1 ? multipliers[0] : multipliers[channel]
        let scaled = QuantizedMath.multiplyByQuantizedMultiplier(acc, m) &+ zeroPoint
        return QuantizedMath.clampToInt8(scaled, range)
    }

    /// Per-channel multipliers `in * w[c] / out` of a convolution-like op with `channels`
    /// outputs (a single weight scale is shared by every channel).
    static func convolution(_ c: OpContext, channels: Int, activation: FusedActivation) -> OutputStage {
        let inScale = c.inputQuant(0).scale[0]
        let weights = c.inputQuant(1)
        let out = c.outputQuant
        let multipliers = (0..<channels).map { channel in
            FixedPointMultiplier(real: RescaleRecipe.convolution(input: inScale, weight: weights.scale(channel: channel),
                                                                 output: out.scale[0]))
        }
        return OutputStage(multipliers: multipliers, zeroPoint: out.zeroPoint[0],
                           range: ActivationRange.fused(activation, output: out))
    }
}

extension OpContext {
    /// The elements of int32 operand `i` (bias, axes, paddings); precondition: present and int32.
    func int32Operand(_ i: Int) -> [Int32] {
        guard case .int32(let v) = input(i).storage else { preconditionFailure("operand \(i) is not int32") }
        return v
    }

    /// The elements of the optional int32 operand `i`, or nil when it is omitted.
    func optionalInt32Operand(_ i: Int) -> [Int32]? {
        optionalInput(i) == nil ? nil : int32Operand(i)
    }
}
