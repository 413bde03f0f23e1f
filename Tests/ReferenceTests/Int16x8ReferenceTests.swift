import IR
import Reference
import Testing
import TestSupport

/// The int16x8 kernels of `ReferenceInt16x8` against outputs computed independently (NumPy loops
/// with `scripts/tflm/semantics/qmath.py`'s MBQM / MBQM64, whose TFLM agreement
/// `check_semantics.py` confirms): exact sums, TFLM's accumulator choice, int16 clamps.
@Suite struct Int16x8ReferenceTests {
    /// `((i * 1237) % 65536) - 32768`: spread over the whole int16 range.
    static func spread(_ count: Int) -> [Int16] { (0..<count).map { Int16((($0 * 1237) % 65536) - 32768) } }

    static func run(_ graph: Graph, _ input: [Int16]) throws -> [Int16] {
        let x = TensorValue(shape: graph[graph.inputs[0]].shape, storage: .int16(input))
        let values = try Reference.run(graph, inputs: [x])
        return try #require(values[graph.outputs[0]]).int16Values
    }

    /// Channel 2's bias (3e11) overflows every int16: it saturates, as only an int64 bias can say.
    @Test func convWithInt64Bias() throws {
        let out = try Self.run(Int16x8Graphs.conv(), Self.spread(32))
        #expect(Array(out.prefix(6)) == [200, -81, 32767, 66, -82, 32767])
        #expect(Array(out.suffix(6)) == [39, -28, 32767, 25, 3, 32767])
    }

    @Test func depthwiseMultiplierTwoPerChannel() throws {
        let out = try Self.run(Int16x8Graphs.depthwise(), Self.spread(32))
        #expect(Array(out.prefix(8)) == [11, -192, 271, -44, -5, -314, -98, 69])
        #expect(Array(out.suffix(8)) == [17, 98, 18, -20, 43, 72, -43, -67])
    }

    @Test func transposeConvWidensItsInt16Bias() throws {
        let out = try Self.run(Int16x8Graphs.transposeConv(), Self.spread(8))
        #expect(Array(out.prefix(6)) == [97, -96, 33, -32, 97, -96])
        #expect(Array(out.suffix(6)) == [108, -83, 4, -74, 25, -2])
    }

    static let fcInput: [Int16] = [1000, -2000, 3000, -4000, 32767, -32768, 0, 1, 2, 3]

    @Test func fullyConnectedInt32AndInt64Agree() throws {
        #expect(try Self.run(Int16x8Graphs.fullyConnected(), Self.fcInput) == [-31, 123, -50, 164, 0, -164])
        #expect(try Self.run(Int16x8Graphs.fullyConnected(bias: (.int64, [7, -7, 70])), Self.fcInput)
                == [-31, 123, -50, 164, 0, -164])
    }

    /// An int32 bias near the int32 limits: TFLM's int32 accumulator wraps (row 0, unit 2: a
    /// large negative sum wraps to positive), the int64 one does not.
    @Test func fullyConnectedInt32AccumulatorWraps() throws {
        let bias: [Int64] = [2_147_483_000, 0, -2_147_483_000]
        #expect(try Self.run(Int16x8Graphs.fullyConnected(bias: (.int32, bias)), Self.fcInput)
                == [32767, 123, 32767, -32768, 0, 32767])
        #expect(try Self.run(Int16x8Graphs.fullyConnected(bias: (.int64, bias)), Self.fcInput)
                == [32767, 123, -32768, 32767, 0, -32768])
    }
}
