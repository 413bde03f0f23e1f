import IR
import Reference
import Testing

@Suite struct LogisticTests {
    typealias T = PointwiseOpTesting
    static let out = T.q(1.0 / 256.0, -128)

    /// sigmoid(-1.0) = 0.2689 -> 68.8 - 128 = -59; sigmoid(0.1) = 0.525 -> 6.4 -> 6.
    @Test func matchesTFLM() throws {
        let y = try T.int8(.logistic(Logistic()), [-128, -50, -10, -1, 0, 1, 10, 50, 127], shape: [1, 9], in: T.q(0.1, 0), out: Self.out)
        #expect(y == [-128, -126, -59, -6, 0, 6, 59, 126, 127])
    }

    /// Scale 1: frexp(2^27) = 0.5 * 2^28 -> shift 28, radius floor(15 * 2^27 / 2^28) = 7, so
    /// |x - zp| >= 7 saturates.
    @Test func saturatesAtTheInputRadius() throws {
        let p = try #require(SigmoidParams(input: .perTensor(scale: 1, zeroPoint: 0)))
        #expect(p.inputLeftShift == 28 && p.inputRadius == 7 && p.inputMultiplier == 1 << 30)
        let y = try T.int8(.logistic(Logistic()), [13, 14, 15, 19, 20, 21, 25, 26, 27], shape: [1, 9], in: T.q(1, 20), out: Self.out)
        #expect(y == [-128, -127, -126, -59, 0, 59, 126, 127, 127])
    }

    /// With a radius of 0 TFLM's `input <= -radius` test sends x == zp to -128, not to 0.5.
    @Test func zeroRadiusSendsTheZeroPointToMinus128() throws {
        #expect(SigmoidParams(input: .perTensor(scale: 100, zeroPoint: 0))?.inputRadius == 0)
        let y = try T.int8(.logistic(Logistic()), [-2, -1, 0, 1, 2, 3, 4, 5, 6], shape: [1, 9], in: T.q(100, 0), out: Self.out)
        #expect(y == [-128, -128, -128, 127, 127, 127, 127, 127, 127])
    }

    /// Below 2^-28 TFLM's radius computation shifts by a negative amount (undefined).
    @Test func inputScaleRange() {
        #expect(SigmoidParams(input: .perTensor(scale: 0x1p-28, zeroPoint: 0)) != nil)
        #expect(SigmoidParams(input: .perTensor(scale: 0x1.fffffep-29, zeroPoint: 0)) == nil)
        #expect(SigmoidParams(input: .perTensor(scale: 0x1.fffffep34, zeroPoint: 0)) != nil)
        #expect(SigmoidParams(input: .perTensor(scale: 0x1p35, zeroPoint: 0)) == nil)
    }
}
