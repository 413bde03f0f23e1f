import IR
import Reference
import Testing

@Suite struct TanhTests {
    typealias T = PointwiseOpTesting
    static let out = T.q(1.0 / 128.0, 0)

    /// tanh(0.5) = 0.4621 -> 59.15 -> 59; tanh(0.05) -> 6.4 -> 6.
    @Test func matchesTFLM() throws {
        let y = try T.int8(.tanh(Tanh()), [-128, -50, -10, -1, 0, 1, 10, 50, 127], shape: [1, 9], in: T.q(0.05, 0), out: Self.out)
        #expect(y == [-128, -126, -59, -6, 0, 6, 59, 126, 127])
    }

    @Test func inputZeroPoint() throws {
        let y = try T.int8(.tanh(Tanh()), [-128, -40, 0, 20, 39, 40, 41, 60, 127], shape: [1, 9], in: T.q(0.02, 40), out: Self.out)
        #expect(y == [-128, -118, -85, -49, -3, 0, 3, 49, 120])
    }

    /// Scale 0.5: shift 27, radius floor(15 * 2^27 / 2^27) = 15.
    @Test func saturatesAtTheInputRadius() throws {
        #expect(SigmoidParams(input: .perTensor(scale: 0.5, zeroPoint: 0))?.inputRadius == 15)
        let y = try T.int8(.tanh(Tanh()), [-26, -25, -24, -11, -10, -9, 4, 5, 6], shape: [1, 9], in: T.q(0.5, -10), out: Self.out)
        #expect(y == [-128, -128, -128, -59, 0, 59, 127, 127, 127])
    }
}
