import IR
import Reference
import Testing

/// L2_NORMALIZATION in the reference: each row divided by its L2 norm, in Q0.7 (1/128, zero point 0).
@Suite struct L2NormalizationTests {
    typealias T = PointwiseOpTesting

    static func run(_ x: [Int8], shape: [Int], zp: Int32) throws -> [Int8] {
        try T.int8(.l2Normalization(L2Normalization()), x, shape: shape, in: T.q(0.1, zp), out: T.q(1.0 / 128, 0))
    }

    @Test func rowsOfThreeFourFive() throws {
        // (3, 4) / 5 = (0.6, 0.8) -> 76.8, 102.4 in 1/128 steps; the zero point comes off first.
        #expect(try Self.run([13, 14, 7, 6], shape: [2, 2], zp: 10) == [77, 102, -77, -102])
    }

    @Test func zeroAndUnitRowsUseTheLargestMultiplier() throws {
        // acc <= 1: TFLM's inverse square root is (INT32_MAX, 0), so 0 stays 0 and +-1 saturates.
        #expect(try Self.run([5, 5, 6, 4], shape: [4, 1], zp: 5) == [0, 0, 127, -128])
    }

    @Test func eachElementIsAtMostOneInMagnitude() throws {
        let x: [Int8] = (0..<64).map { Int8(truncatingIfNeeded: $0 * 37 - 100) }
        let y = try Self.run(x, shape: [4, 16], zp: -3)
        for row in 0..<4 {
            let v = x[row * 16..<(row + 1) * 16].map { Double(Int($0) + 3) }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for k in 0..<16 {
                let expected = min(127, (v[k] / norm * 128).rounded())
                #expect(abs(Double(y[row * 16 + k]) - expected) <= 1, "row \(row) element \(k)")
            }
        }
    }
}
