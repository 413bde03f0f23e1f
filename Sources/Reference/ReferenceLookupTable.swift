import IR

/// ELU, RSQRT (`LookupTableParams`): each element replaced by its table entry. An input below
/// `lowestValidInput` stops the op as TFLM fails its invoke there (RSQRT of a negative value).
enum ReferenceLookupTable {
    static func run(_ c: OpContext, _ p: LookupTableParams) throws(CompileError) -> TensorValue {
        let x = c.input(0).int8Values
        if let i = x.firstIndex(where: { $0 < p.lowestValidInput }) {
            throw c.error(.unsupported, "element \(i) is \(x[i]), below the input zero point \(p.lowestValidInput): "
                          + "\(c.node.op.name) is only defined for non-negative values, and TFLM fails the invoke")
        }
        return .int8(c.outputTensor.shape, x.map { p.table[Int(UInt8(bitPattern: $0))] })
    }
}
