import IR

/// DEPTHWISE_CONV_2D, int8 (TFLM `reference_integer_ops::DepthwiseConvPerChannel`): output
/// channel `oc = ic * depth_multiplier + m` reads only input channel `ic`:
/// `acc = bias[oc] + Σ w[0, ky, kx, oc] * (x[iy, ix, ic] - in_zp)` over the in-bounds taps, then
/// `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped. Multipliers are indexed by `oc`.
enum ReferenceDepthwiseConv2D {
    static func run(_ c: OpContext, _ a: DepthwiseConv2DAttrs) throws(CompileError) -> TensorValue {
        let inputShape = c.inputTensor(0).shape
        let filterShape = c.inputTensor(1).shape
        let window = SlidingWindow(input: inputShape, output: c.outputTensor.shape,
                                   filterHeight: filterShape[1], filterWidth: filterShape[2],
                                   strideHeight: a.strideH, strideWidth: a.strideW,
                                   dilationHeight: a.dilationH, dilationWidth: a.dilationW, padding: a.padding)
        let inputDepth = inputShape[3]
        let outputDepth = filterShape[3]
        precondition(outputDepth == inputDepth * a.depthMultiplier, "depth multiplier checked by LinearOpChecks")
        let stage = OutputStage.convolution(c, channels: outputDepth, activation: a.activation)
        let output = convolve(input: c.input(0).int8Values, inputOffset: -c.inputQuant(0).zeroPoint[0],
                              filter: c.input(1).int8Values, bias: c.optionalInt32Operand(2),
                              window: window, inputDepth: inputDepth, multiplier: a.depthMultiplier, stage: stage)
        return .int8(c.outputTensor.shape, output)
    }

    /// Channel layout of a depthwise convolution: output channel `oc` reads input channel `oc / multiplier`.
    struct DepthwiseLayout {
        let inputDepth: Int
        let multiplier: Int
        var outputDepth: Int { inputDepth * multiplier }
    }

    /// The kernel over flat NHWC input and [1, KH, KW, OC] filter arrays.
    static func convolve(input: [Int8], inputOffset: Int32, filter: [Int8], bias: [Int32]?, window: SlidingWindow,
                         inputDepth: Int, multiplier: Int, stage: OutputStage) -> [Int8] {
        let w = window, l = DepthwiseLayout(inputDepth: inputDepth, multiplier: multiplier)
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
                           oc: Int, inputOffset: Int32, window w: SlidingWindow, layout l: DepthwiseLayout) -> Int32 {
        let ic = oc / l.multiplier
        var acc: Int32 = 0
        for ky in 0..<w.filterHeight {
            let iy = w.inputRow(oy, ky)
            guard iy >= 0 && iy < w.inputHeight else { continue }
            for kx in 0..<w.filterWidth {
                let ix = w.inputColumn(ox, kx)
                guard ix >= 0 && ix < w.inputWidth else { continue }
                let xv = x[((b * w.inputHeight + iy) * w.inputWidth + ix) * l.inputDepth + ic]
                let fv = f[(ky * w.filterWidth + kx) * l.outputDepth + oc]
                acc &+= Int32(fv) &* (Int32(xv) &+ inputOffset)
            }
        }
        return acc
    }
}
