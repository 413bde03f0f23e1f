import IR

/// AVERAGE_POOL_2D and MAX_POOL_2D (`AveragePool2D`, `MaxPool2D`), int8 or int16, over the in-bounds taps of
/// each window, clamped to the fused activation's range.
enum ReferencePooling {
    static func average(_ c: OpContext, _ p: Pool2DParams) -> TensorValue {
        pool(c, p) { sum, count, _ in
            precondition(count > 0, "pooling window without in-bounds taps (checked by LinearOpChecks)")
            let n = Int32(count)
            return sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n
        }
    }

    static func max(_ c: OpContext, _ p: Pool2DParams) -> TensorValue {
        pool(c, p) { _, _, maximum in maximum }
    }

    /// Runs the window over every output element; `reduce(sum, count, max)` of the in-bounds taps
    /// gives the value before clamping.
    static func pool(_ c: OpContext, _ p: Pool2DParams, reduce: (Int32, Int, Int32) -> Int32) -> TensorValue {
        let inputShape = c.inputTensor(0).shape
        let w = SlidingWindow(input: inputShape, output: c.outputTensor.shape, window: p.window)
        let depth = inputShape[3]
        let range = p.range
        let x = c.input(0).integerValues
        let lowest = SupportCheck.quantizedRange(c.inputTensor(0).type)?.lowerBound ?? Int32(Int8.min)
        var output = [Int32](repeating: 0, count: c.outputTensor.shape.elementCount)
        var o = 0
        for b in 0..<w.batches {
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    for ch in 0..<depth {
                        let t = taps(x, b: b, oy: oy, ox: ox, channel: ch, depth: depth, window: w, lowest: lowest)
                        output[o] = Swift.min(Swift.max(reduce(t.sum, t.count, t.maximum), range.lowerBound), range.upperBound)
                        o += 1
                    }
                }
            }
        }
        return .quantized(c.outputTensor.type, c.outputTensor.shape, output)
    }

    /// Sum, count and maximum of the in-bounds taps of one window (maximum is `lowest`, the
    /// type's smallest value, when empty).
    static func taps(_ x: [Int32], b: Int, oy: Int, ox: Int, channel: Int, depth: Int,
                     window w: SlidingWindow, lowest: Int32) -> (sum: Int32, count: Int, maximum: Int32) {
        var sum: Int32 = 0, count = 0, maximum = lowest
        for ky in 0..<w.filterHeight {
            let iy = w.inputRow(oy, ky)
            guard iy >= 0 && iy < w.inputHeight else { continue }
            for kx in 0..<w.filterWidth {
                let ix = w.inputColumn(ox, kx)
                guard ix >= 0 && ix < w.inputWidth else { continue }
                let v = x[((b * w.inputHeight + iy) * w.inputWidth + ix) * depth + channel]
                sum &+= v
                count += 1
                maximum = Swift.max(maximum, v)
            }
        }
        return (sum, count, maximum)
    }
}
