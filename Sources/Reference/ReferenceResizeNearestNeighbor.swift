import IR

/// RESIZE_NEAREST_NEIGHBOR, int8, NHWC (TFLM `reference_ops::ResizeNearestNeighbor`): every output
/// pixel copies the input pixel `GetNearestNeighbor` picks along each axis (`NearestNeighborSource`).
/// The output size is the constant int32 operand 1; values are copied unchanged (input and output
/// share quantization).
enum ReferenceResizeNearestNeighbor {
    static func run(_ c: OpContext, _ a: ResizeAttrs) throws(CompileError) -> TensorValue {
        let inShape = c.inputTensor(0).shape
        let size = c.int32Operand(1)
        let (batches, inH, inW, depth) = (inShape[0], inShape[1], inShape[2], inShape[3])
        let outH = Int(size[0]), outW = Int(size[1])
        let x = c.input(0).int8Values
        let rows = NearestNeighborSource.indices(inputSize: inH, outputSize: outH, a)
        let cols = NearestNeighborSource.indices(inputSize: inW, outputSize: outW, a)
        var result = [Int8]()
        result.reserveCapacity(batches * outH * outW * depth)
        for b in 0..<batches {
            for y in rows {
                for xIndex in cols {
                    let start = ((b * inH + y) * inW + xIndex) * depth
                    result.append(contentsOf: x[start..<start + depth])
                }
            }
        }
        return .int8(Shape([batches, outH, outW, depth]), result)
    }
}
