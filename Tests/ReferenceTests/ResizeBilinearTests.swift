import IR
import Testing
import TestSupport

/// RESIZE_BILINEAR against hand-computed outputs: raw values blended with 10-bit weights, the
/// half rounded away from zero.
@Suite struct ResizeBilinearTests {
    typealias T = LinearOpTesting

    static func graph(input: [Int], output: [Int], _ op: ResizeBilinear) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.5, zeroPoint: 0)
        let s = b.constInt32([2], [Int32(output[1]), Int32(output[2])])
        let y = b.activation(output, scale: 0.5, zeroPoint: 0)
        b.node(.resizeBilinear(op), inputs: [x, s], output: y)
        return b.build()
    }

    @Test func blendsAndRoundsHalfAwayFromZero() throws {
        let g = Self.graph(input: [1, 1, 2, 1], output: [1, 1, 4, 1], ResizeBilinear(alignCorners: false, halfPixelCenters: false))
        #expect(try T.run(g, [[0, 100]]) == [0, 50, 100, 100])
        // -1 * 512 * 1024 / 2^20 = -0.5 -> -1; 0.5 would go to 1.
        #expect(try T.run(g, [[-1, 0]]) == [-1, -1, 0, 0])
        #expect(try T.run(g, [[1, 0]]) == [1, 1, 0, 0])
    }

    @Test func halfPixelCentersExtrapolateInsideOnePixel() throws {
        // The first output's taps both read pixel 0 (weights 1280 and -256): the value itself.
        let g = Self.graph(input: [1, 1, 2, 1], output: [1, 1, 4, 1], ResizeBilinear(alignCorners: false, halfPixelCenters: true))
        // 40 * 768 + 80 * 256 = 51200 (x1024 in the rows) -> 50; then 70, then 80.
        #expect(try T.run(g, [[40, 80]]) == [40, 50, 70, 80])
    }
}
