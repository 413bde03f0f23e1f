import IR

/// The int8 clamp bounds of fused activations and of RELU / RELU6, with TFLM's arithmetic
/// (`CalculateActivationRangeQuantized`; RELU6 in the input's quantization). The same formulas as
/// `Reference.QuantizedMath.activationRange` and `ReferenceRelu.relu6Range`; the simulator tests
/// prove the two agree on every model and fixture.
enum ClampRange {
    /// `zp + round(v / scale)` in float, widened so that out-of-range bounds saturate.
    static func quantizeBound(_ v: Float, scale: Float, zeroPoint: Int32) -> Int32 {
        let steps = Double((v / scale).rounded(.toNearestOrAwayFromZero))
        let q = Double(zeroPoint) + steps
        return Int32(min(max(q, Double(Int32.min)), Double(Int32.max)))
    }

    /// The clamp range of a fused activation for an output quantized with `quant`.
    static func fused(_ activation: FusedActivation, output quant: QuantParams) -> (min: Int32, max: Int32) {
        let scale = quant.scale[0], zp = quant.zeroPoint[0]
        switch activation {
        case .relu:
            return (max(-128, quantizeBound(0, scale: scale, zeroPoint: zp)), 127)
        case .relu6:
            return (max(-128, quantizeBound(0, scale: scale, zeroPoint: zp)),
                    min(127, quantizeBound(6, scale: scale, zeroPoint: zp)))
        case .reluN1To1:
            return (max(-128, quantizeBound(-1, scale: scale, zeroPoint: zp)),
                    min(127, quantizeBound(1, scale: scale, zeroPoint: zp)))
        default:
            return (-128, 127)
        }
    }

    /// RELU6 as TFLM runs it: a clamp of the raw input to `[zp, max(zp, clamp(round(6 / s) + zp))]`.
    static func relu6(input q: QuantParams) -> (min: Int32, max: Int32) {
        let zp = q.zeroPoint[0]
        let six = Double((6 / q.scale[0]).rounded(.toNearestOrAwayFromZero)) + Double(zp)
        let upper = Int32(min(max(six, -128), 127))
        return (zp, max(zp, upper))
    }
}
