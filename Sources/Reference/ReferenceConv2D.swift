import IR

/// CONV_2D (`Conv2D`): for every output pixel and channel `oc`, `acc = bias[oc] + Σ w[oc, ky,
/// kx, ic] * (x[iy, ix, g * FC + ic] - in_zp)` over the in-bounds taps, then the output stage.
enum ReferenceConv2D {
    static func run(_ c: OpContext, _ p: Conv2DParams) -> TensorValue {
        if let a = p.int16x8 { return ReferenceInt16x8.conv2d(c, p, a) }
        let window = SlidingWindow(input: c.inputTensor(0).shape, output: c.outputTensor.shape, window: p.window)
        let output = convolve(input: c.input(0).int8Values, window: window, p)
        return .int8(c.outputTensor.shape, output)
    }

    /// The kernel over a flat NHWC input.
    static func convolve(input: [Int8], window w: SlidingWindow, _ p: Conv2DParams) -> [Int8] {
        input.withUnsafeBufferPointer { x in
            p.filter.withUnsafeBufferPointer { f in
                w.mapOutputs(depth: p.outputDepth) { b, oy, ox, oc in
                    let acc = accumulate(x, f, b: b, oy: oy, ox: ox, oc: oc, window: w, p) &+ p.bias[oc]
                    return p.output.apply(acc, channel: oc)
                }
            }
        }
    }

    /// `Σ w * (x + inputOffset)` for one output element, with wrapping int32 arithmetic as in C.
    @inline(__always)
    static func accumulate(_ x: UnsafeBufferPointer<Int8>, _ f: UnsafeBufferPointer<Int8>, b: Int, oy: Int, ox: Int,
                           oc: Int, window w: SlidingWindow, _ p: Conv2DParams) -> Int32 {
        let inputOffset = -p.inputZeroPoint, depth = p.filterDepth
        let channelBase = (oc / p.filtersPerGroup) * depth
        var acc: Int32 = 0
        for ky in 0..<w.filterHeight {
            let iy = w.inputRow(oy, ky)
            guard iy >= 0 && iy < w.inputHeight else { continue }
            for kx in 0..<w.filterWidth {
                let ix = w.inputColumn(ox, kx)
                guard ix >= 0 && ix < w.inputWidth else { continue }
                let xBase = ((b * w.inputHeight + iy) * w.inputWidth + ix) * p.inputDepth + channelBase
                let fBase = ((oc * w.filterHeight + ky) * w.filterWidth + kx) * depth
                for ic in 0..<depth {
                    acc &+= Int32(f[fBase + ic]) &* (Int32(x[xBase + ic]) &+ inputOffset)
                }
            }
        }
        return acc
    }
}
