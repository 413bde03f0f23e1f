import IR

/// MEAN (`Mean`): wrapping int32 sums over the reduced axes, `N` elements each;
/// `out = MBQM(sum - in_zp * N, M', s') + out_zp`, clamped to [-128, 127].
enum ReferenceMean {
    static func run(_ c: OpContext, _ p: MeanParams) -> TensorValue {
        let sums = reduceSums(c.input(0).int8Values, shape: c.inputTensor(0).shape, axes: p.axes)
        let values = sums.map { sum in
            let r = QuantizedMath.multiplyByQuantizedMultiplier(sum &- p.correction, p.multiplier) &+ p.outputZeroPoint
            return QuantizedMath.clampToInt8(r, -128...127)
        }
        return .int8(c.outputTensor.shape, values)
    }

    /// Wrapping int32 sums of the raw int8 values for every output element (row-major over the
    /// kept dimensions).
    static func reduceSums(_ x: [Int8], shape: Shape, axes: [Int]) -> [Int32] {
        let rank = shape.rank
        // Output strides over the input's dimensions, zero along reduced axes.
        var outStrides = [Int](repeating: 0, count: rank)
        var running = 1
        for d in (0..<rank).reversed() where !axes.contains(d) {
            outStrides[d] = running
            running *= shape.dims[d]
        }
        var sums = [Int32](repeating: 0, count: running)
        var counter = [Int](repeating: 0, count: rank)
        var offset = 0
        for v in x {
            sums[offset] &+= Int32(v)
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
        return sums
    }
}
