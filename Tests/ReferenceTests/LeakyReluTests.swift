import IR
import Reference
import Testing

@Suite struct LeakyReluTests {
    typealias T = PointwiseOpTesting

    /// alpha 0.5, in 0.1, out 0.08: the alpha ratio is 0.625 in float32 but 0.62500002 in double;
    /// TFLM uses double, which moves several negative outputs by one.
    @Test func alphaMultiplierIsComputedInDouble() throws {
        let y = try T.int8(.leakyRelu(LeakyRelu(alpha: 0.5)), [-128, -100, 0, 20, 29, 30, 31, 60, 127], shape: [1, 9],
                           in: T.q(0.1, 30), out: T.q(0.08, -20))
        #expect(y == [-119, -101, -39, -26, -21, -20, -19, 18, 101])
        let p = LeakyReluParams(alpha: 0.5, input: T.q(0.1, 30), output: T.q(0.08, -20))
        #expect(p.alpha == FixedPointMultiplier(multiplier: 1342177330, shift: 0))
    }

    /// A negative alpha gives a negative multiplier (TFLM's QuantizeMultiplier keeps the sign).
    @Test func negativeAlpha() throws {
        let y = try T.int8(.leakyRelu(LeakyRelu(alpha: -0.5)), [-128, -100, -3, -2, -1, 0, 1, 50, 127], shape: [1, 9],
                           in: T.q(0.05, 0), out: T.q(0.05, 0))
        #expect(y == [64, 50, 1, 1, 0, 0, 1, 50, 127])
        #expect(LeakyReluParams.signedMultiplier(real: -0.5) == FixedPointMultiplier(multiplier: -(1 << 30), shift: 0))
    }
}
