import IR

/// REDUCE_MAX (`ReduceMax`): the largest raw value over the reduced axes, from -128.
enum ReferenceReduceMax {
    static func run(_ c: OpContext, _ p: MeanParams) -> TensorValue {
        let shape = c.inputTensor(0).shape, rank = shape.rank
        var outStrides = [Int](repeating: 0, count: rank)
        var running = 1
        for d in (0..<rank).reversed() where !p.axes.contains(d) {
            outStrides[d] = running
            running *= shape.dims[d]
        }
        var result = [Int8](repeating: -128, count: running)
        var counter = [Int](repeating: 0, count: rank)
        var offset = 0
        for v in c.input(0).int8Values {
            result[offset] = max(result[offset], v)
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += outStrides[d]
                if counter[d] < shape.dims[d] { break }
                offset -= outStrides[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return .int8(c.outputTensor.shape, result)
    }
}
