/// The int8 clamp bounds of fused activations and of RELU6, with TFLM's arithmetic
/// (`CalculateActivationRangeQuantized`; RELU6 in the input's quantization, `activations_common.cc`).
///
/// The reference kernels and the code generator use these functions, so a clamp range is derived
/// in one place. Every range is non-empty for a positive finite scale and an int8 zero point.
public enum ActivationRange {
    /// `zp + round(v / scale)` in float, as TFLM's `CalculateActivationRangeQuantized` quantizes
    /// bounds, widened so that out-of-range bounds saturate to the int32 range (where TFLM's
    /// float-to-int cast would be undefined).
    static func quantizeBound(_ v: Float, scale: Float, zeroPoint: Int32) -> Int32 {
        let steps = Double((v / scale).rounded(.toNearestOrAwayFromZero))
        let q = Double(zeroPoint) + steps
        return Int32(min(max(q, Double(Int32.min)), Double(Int32.max)))
    }

    /// The clamp range of a fused activation for an output of `type` (int8 or int16) quantized
    /// with `quant` (per-tensor; the whole type's range for no activation).
    public static func fused(_ activation: FusedActivation, output quant: QuantParams,
                             type: DataType = .int8) -> ClosedRange<Int32> {
        let scale = quant.scale[0], zp = quant.zeroPoint[0]
        let (lo, hi): (Int32, Int32) = type == .int16 ? (-32768, 32767) : (-128, 127)
        switch activation {
        case .relu:
            return max(lo, quantizeBound(0, scale: scale, zeroPoint: zp))...hi
        case .relu6:
            return max(lo, quantizeBound(0, scale: scale, zeroPoint: zp))...min(hi, quantizeBound(6, scale: scale, zeroPoint: zp))
        case .reluN1To1:
            return max(lo, quantizeBound(-1, scale: scale, zeroPoint: zp))...min(hi, quantizeBound(1, scale: scale, zeroPoint: zp))
        default:
            return lo...hi
        }
    }

    /// RELU6 as TFLM runs it: a clamp of the raw input (no requantization) to
    /// `[zp, max(zp, clamp(round(6 / scale) + zp))]` in the input's quantization `q`
    /// (`FloatToQuantizedType`).
    public static func relu6(input q: QuantParams) -> ClosedRange<Int32> {
        let zp = q.zeroPoint[0]
        let six = Double((6 / q.scale[0]).rounded(.toNearestOrAwayFromZero)) + Double(zp)
        let upper = Int32(min(max(six, -128), 127))
        return zp...max(zp, upper)
    }
}
