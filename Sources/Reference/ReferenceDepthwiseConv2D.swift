import IR

/// DEPTHWISE_CONV_2D (`DepthwiseConv2D`): output channel `oc = ic * depth_multiplier + m` reads
/// only input channel `ic`: `acc = bias[oc] + Σ w[0, ky, kx, oc] * (x[iy, ix, ic] - in_zp)` over
/// the in-bounds taps, then the output stage.
enum ReferenceDepthwiseConv2D {
    static func run(_ c: OpContext, _ p: DepthwiseConv2DParams) -> TensorValue {
        if let a = p.int16x8 { return ReferenceInt16x8.depthwise(c, p, a) }
        let window = SlidingWindow(input: c.inputTensor(0).shape, output: c.outputTensor.shape, window: p.window)
        let output = convolve(input: c.input(0).int8Values, window: window, p)
        return .int8(c.outputTensor.shape, output)
    }

    /// The kernel over a flat NHWC input.
    static func convolve(input: [Int8], window w: SlidingWindow, _ p: DepthwiseConv2DParams) -> [Int8] {
        input.withUnsafeBufferPointer { x in
            p.filter.withUnsafeBufferPointer { f in
                w.mapOutputs(depth: p.outputDepth) { b, oy, ox, oc in
                    let acc = accumulate(x, f, b: b, oy: oy, ox: ox, oc: oc, window: w, p) &+ p.bias[oc]
                    return p.output.apply(acc, channel: oc)
                }
            }
        }
    }

    /// `Σ w * (x - in_zp)` for one output element, with wrapping int32 arithmetic as in C.
    @inline(__always)
    static func accumulate(_ x: UnsafeBufferPointer<Int8>, _ f: UnsafeBufferPointer<Int8>, b: Int, oy: Int, ox: Int,
                           oc: Int, window w: SlidingWindow, _ p: DepthwiseConv2DParams) -> Int32 {
        let inputOffset = -p.inputZeroPoint, inputDepth = p.inputDepth, outputDepth = p.outputDepth
        let ic = oc / p.depthMultiplier
        var acc: Int32 = 0
        for ky in 0..<w.filterHeight {
            let iy = w.inputRow(oy, ky)
            guard iy >= 0 && iy < w.inputHeight else { continue }
            for kx in 0..<w.filterWidth {
                let ix = w.inputColumn(ox, kx)
                guard ix >= 0 && ix < w.inputWidth else { continue }
                let xv = x[((b * w.inputHeight + iy) * w.inputWidth + ix) * inputDepth + ic]
                let fv = f[(ky * w.filterWidth + kx) * outputDepth + oc]
                acc &+= Int32(fv) &* (Int32(xv) &+ inputOffset)
            }
        }
        return acc
    }
}
