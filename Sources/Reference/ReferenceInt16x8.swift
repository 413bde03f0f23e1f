import IR

/// The int16x8 forms of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV (TFLM's
/// 16x8 reference kernels): exact int64 sums of `w * x` (no offsets: the int16 zero points are
/// 0), then `Int16x8Accumulation.requantize` (bias in the accumulator TFLM picks, `MBQM` or
/// `MBQM64`, clamp). The loops are the int8 kernels'; only the element types differ.
enum ReferenceInt16x8 {
    static func conv2d(_ c: OpContext, _ p: Conv2DParams, _ a: Int16x8Accumulation) -> TensorValue {
        let w = SlidingWindow(input: c.inputTensor(0).shape, output: c.outputTensor.shape, window: p.window)
        let x = c.input(0).int16Values, depth = p.filterDepth
        let output = w.mapOutputs(depth: p.outputDepth) { b, oy, ox, oc -> Int16 in
            let channelBase = (oc / p.filtersPerGroup) * depth
            var sum: Int64 = 0
            for ky in 0..<w.filterHeight {
                let iy = w.inputRow(oy, ky)
                guard iy >= 0 && iy < w.inputHeight else { continue }
                for kx in 0..<w.filterWidth {
                    let ix = w.inputColumn(ox, kx)
                    guard ix >= 0 && ix < w.inputWidth else { continue }
                    let xBase = ((b * w.inputHeight + iy) * w.inputWidth + ix) * p.inputDepth + channelBase
                    let fBase = ((oc * w.filterHeight + ky) * w.filterWidth + kx) * depth
                    for ic in 0..<depth {
                        sum += Int64(p.filter[fBase + ic]) * Int64(x[xBase + ic])
                    }
                }
            }
            return a.requantize(sum, channel: oc, p.output)
        }
        return TensorValue(shape: c.outputTensor.shape, storage: .int16(output))
    }

    static func depthwise(_ c: OpContext, _ p: DepthwiseConv2DParams, _ a: Int16x8Accumulation) -> TensorValue {
        let w = SlidingWindow(input: c.inputTensor(0).shape, output: c.outputTensor.shape, window: p.window)
        let x = c.input(0).int16Values, outputDepth = p.outputDepth
        let output = w.mapOutputs(depth: outputDepth) { b, oy, ox, oc -> Int16 in
            let ic = oc / p.depthMultiplier
            var sum: Int64 = 0
            for ky in 0..<w.filterHeight {
                let iy = w.inputRow(oy, ky)
                guard iy >= 0 && iy < w.inputHeight else { continue }
                for kx in 0..<w.filterWidth {
                    let ix = w.inputColumn(ox, kx)
                    guard ix >= 0 && ix < w.inputWidth else { continue }
                    let xv = x[((b * w.inputHeight + iy) * w.inputWidth + ix) * p.inputDepth + ic]
                    sum += Int64(p.filter[(ky * w.filterWidth + kx) * outputDepth + oc]) * Int64(xv)
                }
            }
            return a.requantize(sum, channel: oc, p.output)
        }
        return TensorValue(shape: c.outputTensor.shape, storage: .int16(output))
    }

    static func fullyConnected(_ c: OpContext, _ p: FullyConnectedParams, _ a: Int16x8Accumulation) -> TensorValue {
        let x = c.input(0).int16Values
        var output = [Int16](repeating: 0, count: p.batches * p.units)
        for b in 0..<p.batches {
            for u in 0..<p.units {
                var sum: Int64 = 0
                for d in 0..<p.depth {
                    sum += Int64(p.filter[u * p.depth + d]) * Int64(x[b * p.depth + d])
                }
                output[b * p.units + u] = a.requantize(sum, channel: u, p.output)
            }
        }
        return TensorValue(shape: c.outputTensor.shape, storage: .int16(output))
    }

    /// TFLM's scatter: every input pixel and tap adds `x * w` to the output pixel it lands on.
    static func transposeConv(_ c: OpContext, _ p: TransposeConvParams, _ a: Int16x8Accumulation) -> TensorValue {
        let inShape = c.inputTensor(TransposeConv.inputPosition).shape, outShape = c.outputTensor.shape
        let (inH, inW, inC) = (inShape[1], inShape[2], inShape[3])
        let (outH, outW, outC) = (outShape[1], outShape[2], outShape[3])
        let (kh, kw) = (p.filterHeight, p.filterWidth)
        let x = c.input(TransposeConv.inputPosition).int16Values
        var acc = [Int64](repeating: 0, count: outShape.elementCount)
        for b in 0..<inShape[0] {
            for iy in 0..<inH {
                for ix in 0..<inW {
                    let xBase = ((b * inH + iy) * inW + ix) * inC
                    for ky in 0..<kh {
                        let oy = iy * p.strideH - p.padTop + ky
                        guard oy >= 0 && oy < outH else { continue }
                        for kx in 0..<kw {
                            let ox = ix * p.strideW - p.padLeft + kx
                            guard ox >= 0 && ox < outW else { continue }
                            let yBase = ((b * outH + oy) * outW + ox) * outC
                            for oc in 0..<outC {
                                let fBase = ((oc * kh + ky) * kw + kx) * inC
                                for ic in 0..<inC {
                                    acc[yBase + oc] += Int64(x[xBase + ic]) * Int64(p.filter[fBase + ic])
                                }
                            }
                        }
                    }
                }
            }
        }
        let output = acc.enumerated().map { i, sum in a.requantize(sum, channel: i % outC, p.output) }
        return TensorValue(shape: outShape, storage: .int16(output))
    }
}
