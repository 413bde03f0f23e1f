import IR
import Testing
import TestSupport

/// MEAN against hand-computed outputs; the equal-quantization rounding is what TFLM produced.
@Suite struct MeanTests {
    typealias T = LinearOpTesting

    static func graph(input: [Int], axes: [Int32], output: [Int], inQ: QuantParams, outQ: QuantParams,
                      keepDims: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: inQ.scale[0], zeroPoint: inQ.zeroPoint[0])
        let a = b.constInt32([axes.count], axes)
        let y = b.activation(output, scale: outQ.scale[0], zeroPoint: outQ.zeroPoint[0])
        b.node(.mean(Mean(keepDims: keepDims)), inputs: [x, a], output: y)
        return b.build()
    }

    @Test func equalQuantizationStillRoundsThroughTheMultiplier() throws {
        // Means over H, W of four channels: 1.25, 2.75, -2.75, -1.25. TFLM gives [2, 3, -3, -1]:
        // no truncating sum / N, and double rounding makes 1.25 -> 2 but -1.25 -> -1.
        let g = Self.graph(input: [1, 2, 2, 4], axes: [1, 2], output: [1, 1, 1, 4], inQ: T.q(1, 0), outQ: T.q(1, 0))
        let input: [Int8] = [1, 1, -1, -1, 1, 2, -2, -1, 1, 3, -3, -1, 2, 5, -5, -2]
        #expect(try T.run(g, [input]) == [2, 3, -3, -1])
    }

    @Test func requantizesWithZeroPoints() throws {
        // in (0.5, zp 2) -> out (0.25, zp -1): mean of (x - 2) * 0.5 over 2 values, / 0.25, - 1.
        let g = Self.graph(input: [1, 2], axes: [1], output: [1, 1], inQ: T.q(0.5, 2), outQ: T.q(0.25, -1))
        #expect(try T.run(g, [[4, 7]]) == [6])
        #expect(try T.run(g, [[127, 127]]) == [127])
    }

    @Test func negativeAndDuplicateAxesWithoutKeepDims() throws {
        // Axes [-1, 1] on rank 2 are both axis 1: row means of 2x3 (scale ratio 1).
        let g = Self.graph(input: [2, 3], axes: [-1, 1], output: [2], inQ: T.q(1, 0), outQ: T.q(1, 0), keepDims: false)
        #expect(try T.run(g, [[1, 2, 3, 10, 20, 31]]) == [2, 20])
    }

    @Test func nonAdjacentAxes() throws {
        // [2, 2, 2] over axes 0 and 2: the four elements at each middle index.
        let g = Self.graph(input: [2, 2, 2], axes: [0, 2], output: [1, 2, 1], inQ: T.q(1, 0), outQ: T.q(1, 0))
        #expect(try T.run(g, [[1, 3, 10, 10, 5, 7, 20, 24]]) == [4, 16])
    }
}
