import IR

/// RESIZE_NEAREST_NEIGHBOR (`ResizeNearestNeighbor`): every output pixel copies the input pixel at
/// its source row and column.
enum ReferenceResizeNearestNeighbor {
    static func run(_ c: OpContext, _ p: ResizeNearestNeighborParams) -> TensorValue {
        let inShape = c.inputTensor(0).shape
        let (batches, inH, inW, depth) = (inShape[0], inShape[1], inShape[2], inShape[3])
        let x = c.input(0).int8Values
        var result = [Int8]()
        result.reserveCapacity(batches * p.sourceRows.count * p.sourceColumns.count * depth)
        for b in 0..<batches {
            for y in p.sourceRows {
                for xIndex in p.sourceColumns {
                    let start = ((b * inH + y) * inW + xIndex) * depth
                    result.append(contentsOf: x[start..<start + depth])
                }
            }
        }
        return .int8(c.outputTensor.shape, result)
    }
}
