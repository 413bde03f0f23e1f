import IR

/// CONV_2D, int8 (TFLM `reference_integer_ops::ConvPerChannel`): for every output pixel and
/// channel `oc`, `acc = bias[oc] + Σ w[oc, ky, kx, ic] * (x[iy, ix, g * FC + ic] - in_zp)` over the
/// in-bounds taps (padding taps are skipped), then `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped.
///
/// Grouped convolution: with input depth `C` and filter depth `FC`, there are `C / FC` groups and
/// output channel `oc` reads input channels of group `oc / (OC / groups)`. Weight zero points
/// are 0 (checked); per-tensor weights share one multiplier.
enum ReferenceConv2D {
    static func run(_ c: OpContext, _ a: Conv2DAttrs) throws(CompileError) -> TensorValue {
        let filterShape = c.inputTensor(1).shape
        let window = SlidingWindow(input: c.inputTensor(0).shape, output: c.outputTensor.shape,
                                   filterHeight: filterShape[1], filterWidth: filterShape[2],
                                   strideHeight: a.strideH, strideWidth: a.strideW,
                                   dilationHeight: a.dilationH, dilationWidth: a.dilationW, padding: a.padding)
        let layout = ConvLayout(inputDepth: c.inputTensor(0).shape[3], outputDepth: filterShape[0],
                                filterDepth: filterShape[3])
        let stage = OutputStage.convolution(c, channels: layout.outputDepth, activation: a.activation)
        let output = convolve(input: c.input(0).int8Values, inputOffset: -c.inputQuant(0).zeroPoint[0],
                              filter: c.input(1).int8Values, bias: c.optionalInt32Operand(2),
                              window: window, layout: layout, stage: stage)
        return .int8(c.outputTensor.shape, output)
    }

    /// Channel counts of a (possibly grouped) convolution.
    struct ConvLayout {
        let inputDepth: Int
        let outputDepth: Int
        /// Input channels each filter reads (`inputDepth / groups`).
        let filterDepth: Int
        var filtersPerGroup: Int { outputDepth / (inputDepth / filterDepth) }
    }

    /// The kernel over flat NHWC / OHWI arrays.
    static func convolve(input: [Int8], inputOffset: Int32, filter: [Int8], bias: [Int32]?,
                         window: SlidingWindow, layout: ConvLayout, stage: OutputStage) -> [Int8] {
        let w = window, l = layout
        return input.withUnsafeBufferPointer { x in
            filter.withUnsafeBufferPointer { f in
                w.mapOutputs(depth: l.outputDepth) { b, oy, ox, oc in
                    var acc = accumulate(x, f, b: b, oy: oy, ox: ox, oc: oc, inputOffset: inputOffset, window: w, layout: l)
                    if let bias { acc &+= bias[oc] }
                    return stage.apply(acc, channel: oc)
                }
            }
        }
    }

    /// `Σ w * (x + inputOffset)` for one output element, with wrapping int32 arithmetic as in C.
    @inline(__always)
    static func accumulate(_ x: UnsafeBufferPointer<Int8>, _ f: UnsafeBufferPointer<Int8>, b: Int, oy: Int, ox: Int,
                           oc: Int, inputOffset: Int32, window w: SlidingWindow, layout l: ConvLayout) -> Int32 {
        let channelBase = (oc / l.filtersPerGroup) * l.filterDepth
        var acc: Int32 = 0
        for ky in 0..<w.filterHeight {
            let iy = w.inputRow(oy, ky)
            guard iy >= 0 && iy < w.inputHeight else { continue }
            for kx in 0..<w.filterWidth {
                let ix = w.inputColumn(ox, kx)
                guard ix >= 0 && ix < w.inputWidth else { continue }
                let xBase = ((b * w.inputHeight + iy) * w.inputWidth + ix) * l.inputDepth + channelBase
                let fBase = ((oc * w.filterHeight + ky) * w.filterWidth + kx) * l.filterDepth
                for ic in 0..<l.filterDepth {
                    acc &+= Int32(f[fBase + ic]) &* (Int32(x[xBase + ic]) &+ inputOffset)
                }
            }
        }
        return acc
    }
}
