import IR
import Testing
import TestSupport

/// AVERAGE_POOL_2D and MAX_POOL_2D against hand-computed outputs.
@Suite struct PoolingTests {
    typealias T = LinearOpTesting

    static func graph(average: Bool, input: [Int], output: [Int], filter: Int, stride: Int, padding: Padding,
                      q: QuantParams = LinearOpTesting.q(1, 0), activation: FusedActivation = .none) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: q.scale[0], zeroPoint: q.zeroPoint[0])
        let y = b.activation(output, scale: q.scale[0], zeroPoint: q.zeroPoint[0])
        let op: Op = average
            ? .averagePool2d(AveragePool2D(padding: padding, strideH: stride, strideW: stride, filterH: filter,
                                           filterW: filter, activation: activation))
            : .maxPool2d(MaxPool2D(padding: padding, strideH: stride, strideW: stride, filterH: filter, filterW: filter,
                                   activation: activation))
        b.node(op, inputs: [x], output: y)
        return b.build()
    }

    /// A 4x4 single-channel input whose four 2x2 windows are the given quadruples.
    static func quadrants(_ w: [[Int8]]) -> [Int8] {
        [w[0][0], w[0][1], w[1][0], w[1][1], w[0][2], w[0][3], w[1][2], w[1][3],
         w[2][0], w[2][1], w[3][0], w[3][1], w[2][2], w[2][3], w[3][2], w[3][3]]
    }

    @Test func averageRoundsHalfAwayFromZero() throws {
        // Sums 11, -11, 6, -6 over 4 taps: 2.75 -> 3, -2.75 -> -3, 1.5 -> 2, -1.5 -> -2.
        let g = Self.graph(average: true, input: [1, 4, 4, 1], output: [1, 2, 2, 1], filter: 2, stride: 2, padding: .valid)
        let input = Self.quadrants([[1, 2, 3, 5], [-1, -2, -3, -5], [1, 1, 2, 2], [-1, -1, -2, -2]])
        #expect(try T.run(g, [input]) == [3, -3, 2, -2])
    }

    @Test func averageCountsOnlyInBoundsTaps() throws {
        // 3x3 SAME over 1...9: the corner averages 4 values ((1+2+4+5)/4 = 3), the centre 9.
        let g = Self.graph(average: true, input: [1, 3, 3, 1], output: [1, 3, 3, 1], filter: 3, stride: 1, padding: .same)
        #expect(try T.run(g, [(1...9).map { Int8($0) }]) == [3, 4, 4, 5, 5, 6, 6, 7, 7])
    }

    @Test func maxIgnoresPadding() throws {
        // All values negative: padded taps must not contribute 0 (or the zero point).
        let g = Self.graph(average: false, input: [1, 2, 2, 1], output: [1, 2, 2, 1], filter: 3, stride: 1,
                           padding: .same, q: T.q(0.5, 3))
        #expect(try T.run(g, [[-100, -90, -80, -120]]) == [-80, -80, -80, -80])
    }

    @Test func maxPerChannelWithStride() throws {
        let g = Self.graph(average: false, input: [1, 2, 4, 2], output: [1, 1, 2, 2], filter: 2, stride: 2, padding: .valid)
        let input: [Int8] = [1, -1, 5, -5, 2, -2, 0, 0,
                             3, -3, 4, -4, 9, 9, 1, 1]
        #expect(try T.run(g, [input]) == [5, -1, 9, 9])
    }

    @Test func fusedActivationClampsBoth() throws {
        // Scale 0.5, zero point 0: RELU6 clamps to [0, 12].
        for average in [true, false] {
            let g = Self.graph(average: average, input: [1, 2, 2, 1], output: [1, 1, 1, 1], filter: 2, stride: 2,
                               padding: .valid, q: T.q(0.5, 0), activation: .relu6)
            #expect(try T.run(g, [[40, 40, 40, 40]]) == [12])
            #expect(try T.run(g, [[-40, -40, -40, -40]]) == [0])
        }
    }
}
