import IR
import Reference
import Testing
import TestSupport

/// BATCH_MATMUL in the reference: matrix products of zero-point-corrected values, requantized;
/// adjoint flags read the same matrices transposed, broadcast batches reuse a matrix.
@Suite struct BatchMatMulTests {
    /// lhs and rhs scale 0.5, output 0.25: the multiplier is exactly 1.
    static func run(_ lhs: [Int8], _ lhsShape: [Int], _ rhs: [Int8], _ rhsShape: [Int], output: [Int],
                    adjX: Bool = false, adjY: Bool = false, zeroPoints: (Int32, Int32, Int32) = (0, 0, 0)) throws -> [Int8] {
        var b = GraphBuilder()
        let x = b.input(lhsShape, scale: 0.5, zeroPoint: zeroPoints.0, name: "lhs")
        let y = b.input(rhsShape, scale: 0.5, zeroPoint: zeroPoints.1, name: "rhs")
        let out = b.activation(output, scale: 0.25, zeroPoint: zeroPoints.2, name: "out")
        b.node(.batchMatMul(BatchMatMul(adjX: adjX, adjY: adjY)), inputs: [x, y], output: out)
        let g = b.build()
        #expect(SupportCheck.problem(with: g.nodes[0], in: g) == nil)
        let values = try Reference.run(g, inputs: [.int8(Shape(lhsShape), lhs), .int8(Shape(rhsShape), rhs)])
        return try #require(values[out]?.int8Values)
    }

    @Test func twoByTwo() throws {
        #expect(try Self.run([1, 2, 3, 4], [2, 2], [5, 6, 7, 8], [2, 2], output: [2, 2]) == [19, 22, 43, 50])
    }

    @Test func zeroPointsComeOffFirst() throws {
        // lhs zp 1, rhs zp -1, output zp 10: the same product as above, shifted by 10.
        #expect(try Self.run([2, 3, 4, 5], [2, 2], [4, 5, 6, 7], [2, 2], output: [2, 2], zeroPoints: (1, -1, 10))
                == [29, 32, 53, 60])
        // Saturation: 11 * 12 = 132 clamps to 127, the negative one to -128.
        #expect(try Self.run([11, -11], [2, 1], [12], [1, 1], output: [2, 1]) == [127, -128])
    }

    @Test func adjointFlagsReadTransposedMatrices() throws {
        let lhs: [Int8] = [1, 2, 3, 4, 5, 6], rhs: [Int8] = [1, -1, 2, 0, 3, 1]
        let plain = try Self.run(lhs, [2, 3], rhs, [3, 2], output: [2, 2])
        // the same matrices stored transposed
        let lhsT: [Int8] = [1, 4, 2, 5, 3, 6], rhsT: [Int8] = [1, 2, 3, -1, 0, 1]
        #expect(plain == [14, 2, 32, 2])
        #expect(try Self.run(lhsT, [3, 2], rhs, [3, 2], output: [2, 2], adjX: true) == plain)
        #expect(try Self.run(lhs, [2, 3], rhsT, [2, 3], output: [2, 2], adjY: true) == plain)
        #expect(try Self.run(lhsT, [3, 2], rhsT, [2, 3], output: [2, 2], adjX: true, adjY: true) == plain)
    }

    @Test func broadcastBatchesReuseAMatrix() throws {
        // two lhs matrices [1, 2] and [3, 4] against one rhs [1, 2]^T; rhs batch 1 broadcasts.
        #expect(try Self.run([1, 2, 3, 4], [2, 1, 2], [1, 2], [1, 2, 1], output: [2, 1, 1]) == [5, 11])
        // one lhs against two rhs matrices, lhs of lower rank.
        #expect(try Self.run([1, 2], [1, 2], [1, 1, 2, -1], [2, 2, 1], output: [2, 1, 1]) == [3, 0])
    }
}
