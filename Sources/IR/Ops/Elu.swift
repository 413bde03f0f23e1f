/// ELU, int8 (TFLM `elu.cc`): a 256-entry table built as TFLM's Prepare builds it. For every int8
/// `q`: `d = s_in * (q - zp_in)` (float32), `t = d < 0 ? expf(d) - 1 : d` (glibc's expf,
/// `GlibcMath`), `r = round(t * (1 / s_out))` (float32, half away from zero),
/// `out = clamp(Int(r + zp_out))`. Each element is then looked up.
public struct Elu: OperatorDefinition {
    public init() {}

    public static let name = "ELU"
    public static let support = OperatorSupport(types: "int8", options: "a 256-entry table built at compile time with glibc's `expf` reproduced")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requirePerTensor(op.input(0), "input")
    }

    public func prepare(_ op: OpOperands) -> LookupTableParams {
        let inScale = op.scale(op.input(0)), inZp = op.zeroPoint(op.input(0))
        let inverse = Float(1) / op.scale(op.output), outZp = Float(op.zeroPoint(op.output))
        var table = [Int8](repeating: 0, count: 256)
        for q in -128...127 {
            let d = inScale * Float(Int32(q) - inZp)
            let t = d < 0 ? GlibcMath.expf(d) - 1 : d
            let r = (t * inverse).rounded() + outZp
            table[Int(UInt8(bitPattern: Int8(q)))] = Int8(max(-128, min(127, r)))
        }
        return LookupTableParams(table: table)
    }
}

/// An int8 → int8 function given by its value at every input: `table[UInt8(bitPattern: x)]`.
public struct LookupTableParams: Sendable, Hashable {
    /// 256 entries, indexed by the input's bits as an unsigned byte.
    public var table: [Int8]
    /// Inputs below this are outside the function's domain: TFLM fails the invoke on them (RSQRT
    /// below its zero point), and so do mcuc's reference and kernel. -128 for total functions.
    public var lowestValidInput: Int8 = -128
}
