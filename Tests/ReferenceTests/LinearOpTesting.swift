import IR
import Reference
import TestSupport

/// Runs small hand-built graphs of the linear ops through the reference interpreter.
enum LinearOpTesting {
    /// The int8 elements of the graph's first output for the given int8 inputs (one array per
    /// graph input, in order, shaped like the input tensors).
    static func run(_ graph: Graph, _ inputs: [[Int8]]) throws -> [Int8] {
        let values = zip(graph.inputs, inputs).map { id, elements in TensorValue.int8(graph[id].shape, elements) }
        let computed = try Reference.run(graph, inputs: values)
        return Reference.outputs(of: graph, in: computed)[0].int8Values
    }

    /// Per-tensor quantization shorthand.
    static func q(_ scale: Float, _ zeroPoint: Int32) -> QuantParams {
        .perTensor(scale: scale, zeroPoint: zeroPoint)
    }
}
