import Driver
import IR

/// Compares our tensors with TFLM's, tensor by tensor in execution order.
public struct DifferentialComparison: Sendable {
    public var tensorsCompared = 0
    public var bytesCompared = 0
    /// Human-readable descriptions of the first mismatch per run.
    public var mismatches: [String] = []

    public init() {}

    /// Compares every activation TFLM dumped with the value we computed for it, and every variable
    /// tensor (state) as the invoke left it.
    public mutating func compare(ours: [TensorID: TensorValue], theirs: [Int: NumPyArray], graph: Graph, label: String) {
        for node in graph.nodes {
            let state = node.inputs.compactMap { $0 }.filter { graph[$0].isVariable }
            for output in node.outputs + state {
                guard let expected = theirs[output.index] else {
                    mismatches.append("\(label): TFLM did not dump tensor \(output.index)")
                    return
                }
                guard let actual = ours[output] else {
                    mismatches.append("\(label): we did not compute tensor \(output.index)")
                    return
                }
                guard NumPyFormat.dataType(ofDescr: expected.descr) == actual.type, expected.data == actual.bytes else {
                    mismatches.append("\(label): " + Self.describe(actual, expected, node: node, tensor: output))
                    return
                }
                tensorsCompared += 1
                bytesCompared += expected.data.count
            }
        }
    }

    static func describe(_ actual: TensorValue, _ expected: NumPyArray, node: Node, tensor: TensorID) -> String {
        let ours = actual.bytes
        let common = min(ours.count, expected.data.count)
        let index = (0..<common).first { ours[$0] != expected.data[$0] } ?? common
        let size = actual.type.byteSize ?? 1
        let element = index / size
        var detail = "first difference in tensor \(tensor.index) (output of op \(node.id.index) \(node.op.name)) at element \(element)"
        if actual.type == .int8, element < ours.count, element < expected.data.count {
            detail += ": ours \(Int8(bitPattern: ours[element])), TFLM \(Int8(bitPattern: expected.data[element]))"
        }
        let differing = stride(from: 0, to: min(ours.count, expected.data.count), by: size)
            .filter { ours[$0..<($0 + size)] != expected.data[$0..<($0 + size)] }.count
        return detail + " (\(differing) of \(actual.count) elements differ)"
    }
}
