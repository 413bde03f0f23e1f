import IR
import Testing
import TestSupport

/// RESHAPE and SQUEEZE: the elements are unchanged.
@Suite struct ReshapeTests {
    typealias T = LinearOpTesting

    @Test func reshapeAndSqueezeCopy() throws {
        for op in [Op.reshape(Reshape(newShape: nil)), .squeeze(Squeeze(squeezeDims: []))] {
            var b = GraphBuilder()
            let x = b.input([1, 2, 1, 3], scale: 0.5, zeroPoint: 1)
            let y = b.activation([2, 3], scale: 0.5, zeroPoint: 1)
            b.node(op, inputs: [x], output: y)
            #expect(try T.run(b.build(), [[1, 2, 3, 4, 5, 6]]) == [1, 2, 3, 4, 5, 6])
        }
    }
}
