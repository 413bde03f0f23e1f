import IR

/// SPACE_TO_BATCH_ND (`SpaceToBatchParams`): output pixels in row-major order, each the input
/// pixel it maps to or the zero point where it falls in the padding.
enum ReferenceSpaceToBatch {
    static func run(_ c: OpContext, _ p: SpaceToBatchParams) -> TensorValue {
        let x = c.input(0).int8Values, g = p.geometry
        var result: [Int8] = []
        for ob in 0..<(g.batch * g.blockH * g.blockW) {
            for oh in 0..<g.batchedHeight {
                for ow in 0..<g.batchedWidth {
                    if let s = p.source(batch: ob, row: oh, column: ow) {
                        result += x[s..<(s + g.channels)]
                    } else {
                        result += [Int8](repeating: p.padValue, count: g.channels)
                    }
                }
            }
        }
        return .int8(c.outputTensor.shape, result)
    }
}
