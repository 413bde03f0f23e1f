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
        b.node(constant == nil ? .pad : .padV2, inputs: [x, p] + (c.map { [$0] } ?? []), output: y)
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

/// RESHAPE and SQUEEZE: the elements are unchanged.
@Suite struct ReshapeTests {
    typealias T = LinearOpTesting

    @Test func reshapeAndSqueezeCopy() throws {
        for op in [Op.reshape(ReshapeAttrs(newShape: nil)), .squeeze(SqueezeAttrs(squeezeDims: []))] {
            var b = GraphBuilder()
            let x = b.input([1, 2, 1, 3], scale: 0.5, zeroPoint: 1)
            let y = b.activation([2, 3], scale: 0.5, zeroPoint: 1)
            b.node(op, inputs: [x], output: y)
            #expect(try T.run(b.build(), [[1, 2, 3, 4, 5, 6]]) == [1, 2, 3, 4, 5, 6])
        }
    }
}

/// CONCATENATION against hand-computed outputs.
@Suite struct ConcatenationTests {
    typealias T = LinearOpTesting

    static func graph(_ shapes: [[Int]], axis: Int, output: [Int]) -> Graph {
        var b = GraphBuilder()
        let inputs = shapes.map { b.input($0, scale: 0.5, zeroPoint: 1) }
        let y = b.activation(output, scale: 0.5, zeroPoint: 1)
        b.node(.concatenation(ConcatenationAttrs(axis: axis, activation: .none)), inputs: inputs, output: y)
        return b.build()
    }

    @Test func lastAxisInterleavesRows() throws {
        for axis in [1, -1] {
            let g = Self.graph([[2, 1], [2, 2]], axis: axis, output: [2, 3])
            #expect(try T.run(g, [[1, 2], [10, 11, 20, 21]]) == [1, 10, 11, 2, 20, 21])
        }
    }

    @Test func firstAxisAppends() throws {
        let g = Self.graph([[1, 2], [2, 2], [1, 2]], axis: 0, output: [4, 2])
        #expect(try T.run(g, [[1, 2], [3, 4, 5, 6], [7, 8]]) == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func middleAxisOfRank4() throws {
        let g = Self.graph([[1, 1, 2, 1], [1, 2, 2, 1]], axis: 1, output: [1, 3, 2, 1])
        #expect(try T.run(g, [[1, 2], [3, 4, 5, 6]]) == [1, 2, 3, 4, 5, 6])
    }
}
