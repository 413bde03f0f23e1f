import IR
import Testing
import TestSupport

/// L2_NORMALIZATION: what TFLM's Prepare rejects (rank above 4, a fused activation) and a sum of
/// squares that overflows its int32 accumulator are one-line errors; rows over the last axis.
@Suite struct L2NormalizationChecksTests {
    static func problem(_ op: L2Normalization = L2Normalization(), shape: [Int], zp: Int32 = 0) -> CompileError? {
        PointwiseOpChecksTests.problem(PointwiseOpChecksTests.graph(.l2Normalization(op), input: shape, (0.05, zp),
                                                                    output: shape, (1.0 / 128, 0)))
    }

    @Test func ranksOneToFour() {
        #expect(Self.problem(shape: [10]) == nil)
        #expect(Self.problem(shape: [1, 3, 3, 16]) == nil)
        let deep = Self.problem(shape: [1, 1, 2, 3, 4])
        #expect(deep?.kind == .unsupported)
        #expect(deep?.description == "op 0 (L2_NORMALIZATION), tensor 0 'x': input has rank 5; TFLM's L2_NORMALIZATION takes rank 1 to 4")
    }

    @Test func fusedActivationIsRefused() {
        let relu = Self.problem(L2Normalization(activation: .relu), shape: [1, 8])
        #expect(relu?.description == "op 0 (L2_NORMALIZATION): fused activation RELU: TFLM's L2_NORMALIZATION runs without one")
    }

    @Test func sumOfSquaresMustFitInt32() {
        // zp -128: |x - zp| <= 255, so 33,025 values of 255^2 fit below 2^31 and 33,026 may not.
        #expect(Self.problem(shape: [1, 33_025], zp: -128) == nil)
        let wide = Self.problem(shape: [1, 33_026], zp: -128)
        #expect(wide?.kind == .unsupported)
        #expect(wide?.description.contains("overflows TFLM's int32 accumulator") == true)
        #expect(Self.problem(shape: [1, 33_026], zp: 0) == nil)   // |x| <= 128
    }

    @Test func rowsOverTheLastAxis() {
        let g = PointwiseOpChecksTests.graph(.l2Normalization(L2Normalization()), input: [2, 3, 8], (0.05, -4),
                                             output: [2, 3, 8], (1.0 / 128, 0))
        let p = L2Normalization().prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.rows == 6 && p.depth == 8 && p.inputZeroPoint == -4)
    }
}
