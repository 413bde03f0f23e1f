import Driver
import IR
import Testing
import TestSupport

/// The comparison used by the TFLM differential tests does catch differences.
@Suite struct DifferentialComparisonTests {
    static let graph = Graph(
        tensors: [Tensor(id: TensorID(0), name: "in", type: .int8, shape: Shape([4]), quant: .perTensor(scale: 1, zeroPoint: 0)),
                  Tensor(id: TensorID(1), name: "out", type: .int8, shape: Shape([4]), quant: .perTensor(scale: 1, zeroPoint: 0))],
        nodes: [Node(id: NodeID(0), op: .relu(Relu()), inputs: [TensorID(0)], outputs: [TensorID(1)])],
        inputs: [TensorID(0)], outputs: [TensorID(1)])

    static func dump(_ values: [Int8]) -> NumPyArray {
        NumPyArray(descr: "|i1", shape: [4], data: values.map { UInt8(bitPattern: $0) })
    }

    @Test func equalTensorsAreCounted() {
        var comparison = DifferentialComparison()
        comparison.compare(ours: [TensorID(1): .int8(Shape([4]), [0, 1, 2, 3])], theirs: [1: Self.dump([0, 1, 2, 3])],
                           graph: Self.graph, label: "x")
        #expect(comparison.mismatches.isEmpty)
        #expect(comparison.tensorsCompared == 1 && comparison.bytesCompared == 4)
    }

    @Test func oneLSBDifferenceIsReportedWithItsElement() {
        var comparison = DifferentialComparison()
        comparison.compare(ours: [TensorID(1): .int8(Shape([4]), [0, 1, 2, 3])], theirs: [1: Self.dump([0, 1, 3, 3])],
                           graph: Self.graph, label: "x")
        #expect(comparison.mismatches == ["x: first difference in tensor 1 (output of op 0 RELU) at element 2: ours 2, TFLM 3 (1 of 4 elements differ)"])
    }

    @Test func missingDumpIsAMismatch() {
        var comparison = DifferentialComparison()
        comparison.compare(ours: [TensorID(1): .int8(Shape([4]), [0, 1, 2, 3])], theirs: [:], graph: Self.graph, label: "x")
        #expect(comparison.mismatches.count == 1)
    }
}
