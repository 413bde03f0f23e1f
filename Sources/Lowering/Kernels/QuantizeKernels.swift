import IR

/// `mcuc_quantize_params` (`Templates/kernels/mcuc_quantize.h`): QUANTIZE from float32 (`scale`
/// is the output's, `output_zp`), from int8 or int16 (`input_zp`, `output_zp`, `mult`, `shift`)
/// and DEQUANTIZE (`scale` is the input's, `input_zp`); the fields a function does not read are 0.
struct QuantizeKernelParams: KernelParams {
    static let cType = "mcuc_quantize_params"
    var count: Int32
    var scale: Float
    var inputZp: Int32, outputZp: Int32
    var mult: Int32, shift: Int32
}

extension OpLowering {
    /// QUANTIZE: `mcuc_quantize_f32_s8` / `_f32_s16` from float32; `mcuc_requantize_s8`,
    /// `_s16`, `_s8_s16`, `_s16_s8` between int8 and int16 (one name per type pair, the
    /// same type once).
    func quantize(_ p: QuantizeParams) -> KernelCall {
        let (from, to) = (typeTag(operand(0)), typeTag(output))
        switch p {
        case .fromFloat(let scale, let zeroPoint):
            return unary(unaryBinding(.quantize, "mcuc_quantize_f32_\(to)", QuantizeKernelParams(
                count: count(output), scale: scale, inputZp: 0, outputZp: zeroPoint, mult: 0, shift: 0)))
        case .requantize(let inZp, let outZp, let m):
            let symbol = from == to ? "mcuc_requantize_\(to)" : "mcuc_requantize_\(from)_\(to)"
            return unary(unaryBinding(.quantize, symbol, QuantizeKernelParams(
                count: count(output), scale: 0, inputZp: inZp, outputZp: outZp, mult: m.multiplier, shift: m.shift)))
        }
    }

    func dequantize(_ p: DequantizeParams) -> KernelCall {
        unary(unaryBinding(.quantize, "mcuc_dequantize_\(typeTag(operand(0)))_f32", QuantizeKernelParams(
            count: count(output), scale: p.scale, inputZp: p.zeroPoint, outputZp: 0, mult: 0, shift: 0)))
    }
}
