import IR

/// TRANSPOSE_CONV (`TransposeConv`) as TFLM runs it: every input pixel and tap scatters
/// `(x - in_zp) * w` into an int32 accumulator of the whole output (wrapping sums; taps landing
/// outside the output are dropped), then bias, requantization and clamp per output element.
enum ReferenceTransposeConv {
    static func run(_ c: OpContext, _ p: TransposeConvParams) -> TensorValue {
        if let a = p.int16x8 { return ReferenceInt16x8.transposeConv(c, p, a) }
        let inShape = c.inputTensor(TransposeConv.inputPosition).shape, outShape = c.outputTensor.shape
        let (batches, inH, inW, inC) = (inShape[0], inShape[1], inShape[2], inShape[3])
        let (outH, outW, outC) = (outShape[1], outShape[2], outShape[3])
        let (kh, kw) = (p.filterHeight, p.filterWidth)
        let x = c.input(TransposeConv.inputPosition).int8Values
        var acc = [Int32](repeating: 0, count: outShape.elementCount)
        for b in 0..<batches {
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
                                var sum = acc[yBase + oc]
                                for ic in 0..<inC {
                                    sum &+= (Int32(x[xBase + ic]) &- p.inputZeroPoint) &* Int32(p.filter[fBase + ic])
                                }
                                acc[yBase + oc] = sum
                            }
                        }
                    }
                }
            }
        }
        let output = acc.enumerated().map { i, a in p.output.apply(a &+ p.bias[i % outC], channel: i % outC) }
        return .int8(outShape, output)
    }
}
