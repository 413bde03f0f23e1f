import IR

/// RESIZE_BILINEAR (`ResizeBilinear`): every output element blends the four input elements of
/// its row and column taps in int64, `(acc ± 2^19) / 2^20` with C division, narrowed to int8 as
/// TFLM casts it.
enum ReferenceResizeBilinear {
    static func run(_ c: OpContext, _ p: ResizeBilinearParams) -> TensorValue {
        let inShape = c.inputTensor(0).shape
        let (batches, inH, inW, depth) = (inShape[0], inShape[1], inShape[2], inShape[3])
        let x = c.input(0).int8Values
        var result = [Int8]()
        result.reserveCapacity(batches * p.rows.count * p.columns.count * depth)
        for b in 0..<batches {
            for r in p.rows {
                for col in p.columns {
                    for k in 0..<depth {
                        func at(_ y: Int, _ xi: Int) -> Int64 { Int64(x[((b * inH + y) * inW + xi) * depth + k]) }
                        let acc = at(r.low, col.low) * Int64(r.lowWeight) * Int64(col.lowWeight)
                            + at(r.high, col.low) * Int64(r.highWeight) * Int64(col.lowWeight)
                            + at(r.low, col.high) * Int64(r.lowWeight) * Int64(col.highWeight)
                            + at(r.high, col.high) * Int64(r.highWeight) * Int64(col.highWeight)
                        let rounded = (acc + (acc > 0 ? 1 << 19 : -(1 << 19))) / (1 << 20)
                        result.append(Int8(truncatingIfNeeded: rounded))
                    }
                }
            }
        }
        return .int8(c.outputTensor.shape, result)
    }
}
