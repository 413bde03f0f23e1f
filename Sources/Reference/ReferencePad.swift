import IR

/// PAD and PADV2 (`Pad`, `PadV2`), int8 or int16: the input is copied into the output at offset `before[d]`
/// along every dimension `d`; everything else is the fill value.
enum ReferencePad {
    static func run(_ c: OpContext, _ p: PadParams) -> TensorValue {
        let inputShape = c.inputTensor(0).shape
        let outputShape = c.outputTensor.shape
        let rank = inputShape.rank
        var outStrides = [Int](repeating: 1, count: rank)
        for d in (0..<max(rank - 1, 0)).reversed() { outStrides[d] = outStrides[d + 1] * outputShape.dims[d + 1] }
        let start = (0..<rank).reduce(0) { $0 + p.before[$1] * outStrides[$1] }
        var output = [Int32](repeating: p.fill, count: outputShape.elementCount)
        var counter = [Int](repeating: 0, count: rank)
        var offset = start
        for v in c.input(0).integerValues {
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
        return .quantized(c.outputTensor.type, outputShape, output)
    }
}
