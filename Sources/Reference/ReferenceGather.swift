import IR

/// GATHER (`GatherParams`): constant coordinates as their precomputed copy; run-time coordinates
/// checked inside `0..<params[axis]` (one outside stops the op, as the emitted kernel does with
/// `MCUC_ERROR_INPUT_DOMAIN`; TFLM would read outside params) and then copied the same way.
enum ReferenceGather {
    static func run(_ c: OpContext, _ p: GatherParams) throws(CompileError) -> TensorValue {
        switch p {
        case .constant(let copy):
            return ReferenceAxisGather.run(c, copy)
        case .runtime(let walk):
            let coordinates = c.input(1).integerValues
            if let i = coordinates.firstIndex(where: { $0 < 0 || Int($0) >= walk.axisSize }) {
                throw c.error(.unsupported, "coordinate \(i) is \(coordinates[i]), outside 0..<\(walk.axisSize): "
                              + "GATHER stops the invoke (TFLM would read outside its params)")
            }
            return ReferenceAxisGather.run(c, walk.axisGather(coordinates: coordinates.map { Int($0) }))
        }
    }
}
