/// RSQRT, int8 (TFLM `elementwise.cc`, `RsqrtEvalQuantized`): each element depends only on its
/// own int8 value, so mcuc evaluates TFLM's arithmetic for all 256 values at compile time and the
/// kernel looks them up. For `v = x - zp_in`: `v == 0` gives 127; otherwise
/// `(Mi, si) = InverseSqrt(v)`, `d = MBQM(1, Mi, si + 20)`,
/// `out = clamp(MBQM(d, M, s - 20) + zp_out)` with `(M, s) = QM(1 / (sqrt(s_in) * s_out))`
/// (`RescaleRecipe.rsqrt`). `v < 0` is outside the domain: TFLM fails the invoke ("Rsqrt is only
/// defined for positive values"), mcuc's reference throws and the kernel returns
/// `MCUC_ERROR_INPUT_DOMAIN` (`LookupTableParams.lowestValidInput` = `zp_in`).
public struct Rsqrt: OperatorDefinition {
    public init() {}

    public static let name = "RSQRT"
    public static let support = OperatorSupport(
        types: "int8",
        options: "any rank; a 256-entry table built at compile time; an input below the zero point stops the invoke "
            + "with MCUC_ERROR_INPUT_DOMAIN (TFLM fails the invoke there too)")
    public static let inputCounts = 1...1

    /// TFLM's extra left shift around the two multiplications.
    static let kShift: Int32 = 20

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requirePerTensor(op.input(0), "input")
        try op.requirePerTensor(op.output, "output")
        let real = RescaleRecipe.rsqrt(input: op.scale(op.input(0)), output: op.scale(op.output))
        try op.requireRescale(real, "the output", op.output)
        // MBQM(d, M, s - 20) with d <= 2^20: a left shift above 10 overflows int32, a right shift
        // above 31 is outside gemmlowp's RoundingDivideByPOT.
        let shift = FixedPointMultiplier(real: real).shift - Self.kShift
        guard (-31...10).contains(shift) else {
            throw op.error(.unsupported, "1 / (sqrt(input scale) * output scale) = \(real) needs a shift of \(shift) "
                           + "after TFLM's 2^20 pre-scale, outside the -31...10 its fixed-point arithmetic computes", op.output)
        }
    }

    public func prepare(_ op: OpOperands) -> LookupTableParams {
        let inZp = op.zeroPoint(op.input(0)), outZp = op.zeroPoint(op.output)
        let m = FixedPointMultiplier(real: RescaleRecipe.rsqrt(input: op.scale(op.input(0)), output: op.scale(op.output)))
        let scaled = FixedPointMultiplier(multiplier: m.multiplier, shift: m.shift - Self.kShift)
        var table = [Int8](repeating: 0, count: 256)
        for q in Int32(-128)...127 {
            let v = q - inZp
            let y: Int8
            if v < 0 {
                y = 0    // never read: the kernel stops first
            } else if v == 0 {
                y = 127
            } else {
                let inv = InverseSqrt.multiplier(v)
                let d = QuantizedMath.multiplyByQuantizedMultiplier(1, FixedPointMultiplier(multiplier: inv.multiplier,
                                                                                           shift: inv.shift + Self.kShift))
                y = QuantizedMath.clampToInt8(QuantizedMath.multiplyByQuantizedMultiplier(d, scaled) &+ outZp, -128...127)
            }
            table[Int(UInt8(bitPattern: Int8(q)))] = y
        }
        return LookupTableParams(table: table, lowestValidInput: Int8(clamping: inZp))
    }
}
