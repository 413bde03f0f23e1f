import IR
import Testing
import TestSupport

/// PAD and PADV2 against hand-computed outputs.
@Suite struct PadTests {
    typealias T = LinearOpTesting

    static func graph(v2 constant: Int8? = nil, input: [Int], paddings: [Int32], output: [Int],
                      q: QuantParams) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: q.scale[0], zeroPoint: q.zeroPoint[0])
        let p = b.constInt32([input.count, 2], paddings)
        let c = constant.map { b.constInt8([1], [$0], quant: q) }
        let y = b.activation(output, scale: q.scale[0], zeroPoint: q.zeroPoint[0])
        b.node(constant == nil ? .pad(Pad()) : .padV2(PadV2()), inputs: [x, p] + (c.map { [$0] } ?? []), output: y)
        return b.build()
    }

    @Test func padFillsWithTheOutputZeroPoint() throws {
        // [1, 2, 2, 1] padded one row on top and one column on the right.
        let g = Self.graph(input: [1, 2, 2, 1], paddings: [0, 0, 1, 0, 0, 1, 0, 0], output: [1, 3, 3, 1], q: T.q(0.1, -3))
        #expect(try T.run(g, [[1, 2, 3, 4]]) == [-3, -3, -3, 1, 2, -3, 3, 4, -3])
    }

    @Test func padV2FillsWithTheConstant() throws {
        let g = Self.graph(v2: 7, input: [2, 1], paddings: [1, 0, 1, 2], output: [3, 4], q: T.q(0.1, -3))
        #expect(try T.run(g, [[5, 6]]) == [7, 7, 7, 7, 7, 5, 7, 7, 7, 6, 7, 7])
    }

    @Test func padsChannelsAndBatches() throws {
        let g = Self.graph(input: [1, 1, 1, 2], paddings: [1, 0, 0, 0, 0, 0, 1, 1], output: [2, 1, 1, 4], q: T.q(1, 0))
        #expect(try T.run(g, [[8, 9]]) == [0, 0, 0, 0, 0, 8, 9, 0])
    }
}
