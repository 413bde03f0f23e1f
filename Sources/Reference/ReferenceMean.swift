import IR

/// MEAN, int8 (TFLM `reduce_common.cc` → `reference_ops::QuantizedMeanOrSum`).
///
/// Wrapping int32 sums over the (deduplicated, negative-resolved) axes, `N` elements each;
/// `M', s'` from `MeanReduction.multiplier` (`in_s / out_s` with `1 / N` folded in);
/// `out = MBQM(sum - in_zp * N, M', s') + out_zp`, clamped to [-128, 127]. `keep_dims` only
/// changes the output shape, not the element order.
///
/// This path is taken even when input and output quantization are equal: current TFLM no longer
/// has the older truncating `sum / N` special case (checked against the `tflite-micro` wheel).
enum ReferenceMean {
    static func run(_ c: OpContext, _ a: ReducerAttrs) throws(CompileError) -> TensorValue {
        let inputShape = c.inputTensor(0).shape
        let axes = MeanReduction.resolvedAxes(c.int32Operand(1), rank: inputShape.rank)
        let (sums, count) = reduceSums(c.input(0).int8Values, shape: inputShape, axes: axes)
        let inQ = c.inputQuant(0), outQ = c.outputQuant
        let m = MeanReduction.multiplier(inputScale: inQ.scale[0], outputScale: outQ.scale[0], count: count)
        let correction = Int64(inQ.zeroPoint[0]) * Int64(count)
        let values = sums.map { sum in
            let shifted = Int32(truncatingIfNeeded: Int64(sum) - correction)
            let r = QuantizedMath.multiplyByQuantizedMultiplier(shifted, m) &+ outQ.zeroPoint[0]
            return QuantizedMath.clampToInt8(r, -128...127)
        }
        return .int8(c.outputTensor.shape, values)
    }

    /// Wrapping int32 sums of the raw int8 values for every output element (row-major over the
    /// kept dimensions), and the number of elements `N` in each sum.
    static func reduceSums(_ x: [Int8], shape: Shape, axes: [Int]) -> (sums: [Int32], count: Int) {
        let rank = shape.rank
        let count = axes.reduce(1) { $0 * shape.dims[$1] }
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
        return (sums, count)
    }
}
