import IR
import Testing
import TestSupport

/// TRANSPOSE_CONV against hand-computed outputs: each input pixel scatters its products over the
/// output, overlapping taps add up, taps outside the output are dropped.
@Suite struct TransposeConvTests {
    typealias T = LinearOpTesting

    static func graph(input: [Int], inZp: Int32, filter: [Int], weights: [Int8], bias: [Int32]?, output: [Int],
                      padding: Padding, stride: Int) -> Graph {
        var b = GraphBuilder()
        let shape = b.constInt32([4], output.map(Int32.init))
        let w = b.constInt8(filter, weights, quant: T.q(1, 0))
        let x = b.input(input, scale: 1, zeroPoint: inZp)
        let bi = bias.map { b.constInt32([$0.count], $0) }
        let y = b.activation(output, scale: 1, zeroPoint: 0)
        b.node(.transposeConv(TransposeConv(padding: padding, strideH: stride, strideW: stride, activation: .none)),
               inputs: bias == nil ? [shape, w, x] : [shape, w, x, bi], output: y)
        return b.build()
    }

    @Test func validStrideTwoTilesTheFilter() throws {
        // 1x2 input (x - zp = 1, 2), 1x3 filter [1, 2, 3], stride 2 VALID: width (2 - 1) * 2 + 3 = 5;
        // the middle column gets 1 * 3 + 2 * 1; bias 10.
        let g = Self.graph(input: [1, 1, 2, 1], inZp: -1, filter: [1, 1, 3, 1], weights: [1, 2, 3], bias: [10],
                           output: [1, 1, 5, 1], padding: .valid, stride: 2)
        #expect(try T.run(g, [[0, 1]]) == [11, 12, 15, 14, 16])
    }

    @Test func samePaddingDropsTheEdgeTaps() throws {
        // 1x2 input (1, 2), filter [1, 2, 3], stride 1 SAME: width 2, padding (2 - 1) + 3 - 2 = 2,
        // one before: output o = Σ x[i] w[o - i + 1].
        let g = Self.graph(input: [1, 1, 2, 1], inZp: 0, filter: [1, 1, 3, 1], weights: [1, 2, 3], bias: nil,
                           output: [1, 1, 2, 1], padding: .same, stride: 1)
        let expected: [Int8] = [1 * 2 + 2 * 1, 1 * 3 + 2 * 2]
        #expect(try T.run(g, [[1, 2]]) == expected)
    }
}
