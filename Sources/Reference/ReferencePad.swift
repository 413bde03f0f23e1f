import IR

/// PAD and PADV2, int8 (TFLM `reference_ops::Pad`): the input is copied into the output at
/// offset `paddings[d][0]` along every dimension `d`; everything else is the fill value: the
/// output zero point for PAD, PADV2's constant (which shares the output quantization, checked).
/// `paddings` is the int32 `[rank, 2]` constant of operand 1.
enum ReferencePad {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let inputShape = c.inputTensor(0).shape
        let outputShape = c.outputTensor.shape
        let paddings = c.int32Operand(1)
        let fill: Int8
        if case .padV2 = c.node.op, c.optionalInput(2) != nil {
            fill = c.input(2).int8Values[0]
        } else {
            fill = Int8(truncatingIfNeeded: c.outputQuant.zeroPoint[0])
        }
        let rank = inputShape.rank
        var outStrides = [Int](repeating: 1, count: rank)
        for d in (0..<max(rank - 1, 0)).reversed() { outStrides[d] = outStrides[d + 1] * outputShape.dims[d + 1] }
        let start = (0..<rank).reduce(0) { $0 + Int(paddings[2 * $1]) * outStrides[$1] }
        var output = [Int8](repeating: fill, count: outputShape.elementCount)
        var counter = [Int](repeating: 0, count: rank)
        var offset = start
        for v in c.input(0).int8Values {
            output[offset] = v
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += outStrides[d]
                if counter[d] < inputShape.dims[d] { break }
                offset -= outStrides[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return .int8(outputShape, output)
    }
}
