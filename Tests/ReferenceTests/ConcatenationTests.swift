import IR
import Testing
import TestSupport

/// CONCATENATION against hand-computed outputs.
@Suite struct ConcatenationTests {
    typealias T = LinearOpTesting

    static func graph(_ shapes: [[Int]], axis: Int, output: [Int]) -> Graph {
        var b = GraphBuilder()
        let inputs = shapes.map { b.input($0, scale: 0.5, zeroPoint: 1) }
        let y = b.activation(output, scale: 0.5, zeroPoint: 1)
        b.node(.concatenation(Concatenation(axis: axis, activation: .none)), inputs: inputs, output: y)
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
