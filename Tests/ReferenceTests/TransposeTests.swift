import IR
import Reference
import Testing

@Suite struct TransposeTests {
    typealias T = PointwiseOpTesting
    static let q = T.q(0.1, 3)

    static func transpose(_ shape: [Int], _ perm: [Int32]) throws(CompileError) -> [Int8] {
        let x = (0..<shape.reduce(1, *)).map { Int8($0) }
        return try T.int8(.transpose(Transpose()), x, shape: shape, in: q, out: q, outShape: perm.map { shape[Int($0)] }, constants: [perm])
    }

    @Test func rank2() throws {
        #expect(try Self.transpose([2, 3], [1, 0]) == [0, 3, 1, 4, 2, 5])
    }

    /// out[k][i][j] = in[i][j][k] for in [2, 3, 4].
    @Test func rank3() throws {
        #expect(try Self.transpose([2, 3, 4], [2, 0, 1])
                == [0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23])
    }

    @Test func rank5() throws {
        #expect(try Self.transpose([2, 1, 3, 1, 2], [4, 2, 0, 3, 1]) == [0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11])
    }

    @Test func identityPermutationCopies() throws {
        #expect(try Self.transpose([1, 2, 2, 2], [0, 1, 2, 3]) == [0, 1, 2, 3, 4, 5, 6, 7])
    }
}
