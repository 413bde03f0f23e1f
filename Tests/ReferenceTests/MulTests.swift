import IR
import Testing
import TestSupport

/// MUL against hand-computed outputs (the rounding case checked against TFLM).
@Suite struct MulTests {
    typealias T = LinearOpTesting

    @Test func unitMultiplier() throws {
        // 0.5 * 0.5 / 0.25 = 1: out = (x1 - 0) * (x2 - 1) + 4.
        let g = AddSubTests.graph({ .mul(Mul(activation: $0)) }, [2], T.q(0.5, 0), [2], T.q(0.5, 1), out: [2], T.q(0.25, 4))
        #expect(try T.run(g, [[2, -3], [4, 5]]) == [10, -8])
    }

    @Test func doubleRoundingIsAsymmetric() throws {
        // Multiplier 0.25: 5 -> 1.25 -> 2 but -5 -> -1.25 -> -1 (TFLM gives [2, 2, -1, -2]).
        let g = AddSubTests.graph({ .mul(Mul(activation: $0)) }, [1, 4], T.q(0.5, 0), [1, 4], T.q(0.5, 0), out: [1, 4], T.q(1, 0))
        #expect(try T.run(g, [[5, 6, -5, -6], [1, 1, 1, 1]]) == [2, 2, -1, -2])
    }

    @Test func broadcastsAndSaturates() throws {
        let g = AddSubTests.graph({ .mul(Mul(activation: $0)) }, [2, 2], T.q(1, 0), [1], T.q(1, 0), out: [2, 2], T.q(1, 0), activation: .relu6)
        #expect(try T.run(g, [[1, 2, -3, 100], [3]]) == [3, 6, 0, 6])
    }
}
