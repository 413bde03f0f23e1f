import IR
import Reference
import TestSupport

/// Runs single-op graphs of the element-wise and index-mapping ops through the reference
/// interpreter. Expected values in these tests were produced by TFLM's reference kernels
/// (PyPI tflite-micro) on the same model and inputs, and checked by hand where noted.
enum PointwiseOpTesting {
    /// Per-tensor quantization shorthand.
    static func q(_ scale: Float, _ zeroPoint: Int32) -> QuantParams {
        .perTensor(scale: scale, zeroPoint: zeroPoint)
    }

    /// A graph `op(x, constants...) -> y` with an int8 or float32 input and output.
    static func graph(_ op: Op, input: [Int], _ inQ: QuantParams?, output: [Int], _ outQ: QuantParams?,
                      constants: [[Int32]] = []) -> Graph {
        var b = GraphBuilder()
        let x = inQ.map { b.input(input, scale: $0.scale[0], zeroPoint: $0.zeroPoint[0]) } ?? float32Input(&b, input)
        let operands = constants.map { b.constInt32([$0.count], $0) }
        let y = outQ.map { b.activation(output, scale: $0.scale[0], zeroPoint: $0.zeroPoint[0]) } ?? b.float32(output)
        b.node(op, inputs: [x] + operands, output: y)
        return b.build()
    }

    private static func float32Input(_ b: inout GraphBuilder, _ dims: [Int]) -> TensorID {
        let id = b.float32(dims)
        b.inputs.append(id)
        return id
    }

    /// The output of `graph` for one input value.
    static func run(_ graph: Graph, _ input: TensorValue) throws(CompileError) -> TensorValue {
        let values = try Reference.run(graph, inputs: [input])
        return Reference.outputs(of: graph, in: values)[0]
    }

    /// `op` on int8 `x` of shape `shape`, output of the same shape (or `outShape`).
    static func int8(_ op: Op, _ x: [Int8], shape: [Int], in inQ: QuantParams, out outQ: QuantParams,
                     outShape: [Int]? = nil, constants: [[Int32]] = []) throws(CompileError) -> [Int8] {
        let g = graph(op, input: shape, inQ, output: outShape ?? shape, outQ, constants: constants)
        return try run(g, .int8(Shape(shape), x)).int8Values
    }

    /// SOFTMAX on one `[rows, depth]` int8 value with the fixed output grid.
    static func softmax(_ x: [Int8], shape: [Int], beta: Float, in inQ: QuantParams) throws(CompileError) -> [Int8] {
        try int8(.softmax(Softmax(beta: beta)), x, shape: shape, in: inQ, out: q(1.0 / 256.0, -128))
    }
}
