import IR

/// ELU (`LookupTableParams`): each element replaced by its table entry.
enum ReferenceLookupTable {
    static func run(_ c: OpContext, _ p: LookupTableParams) -> TensorValue {
        .int8(c.outputTensor.shape, c.input(0).int8Values.map { p.table[Int(UInt8(bitPattern: $0))] })
    }
}
