import IR
import Reference
import Testing

@Suite struct ReluTests {
    typealias T = PointwiseOpTesting

    /// out = -128 + MBQM(x - 10, 0.05 / 0.03), clamped below at the output zero point.
    @Test func reluRequantizes() throws {
        let y = try T.int8(.relu(Relu()), [-128, 0, 9, 10, 11, 20, 50, 100, 127], shape: [1, 9], in: T.q(0.05, 10), out: T.q(0.03, -128))
        #expect(y == [-128, -128, -128, -128, -126, -111, -61, 22, 67])
    }

    @Test func reluWithSmallerRatio() throws {
        let y = try T.int8(.relu(Relu()), [-128, -101, -100, -99, -50, 0, 50, 100, 127], shape: [1, 9],
                           in: T.q(0.01, -100), out: T.q(0.02, -128))
        #expect(y == [-128, -128, -128, -127, -103, -78, -53, -28, -14])
    }

    /// TFLM's RELU6 clamps to [zp_in, round(6 / s_in) + zp_in] = [0, 60] and ignores the output
    /// quantization (6/255, -128) entirely.
    @Test func relu6ClampsInTheInputQuantization() throws {
        let y = try T.int8(.relu6(Relu6()), [-128, -1, 0, 1, 30, 59, 60, 61, 127], shape: [1, 9], in: T.q(0.1, 0), out: T.q(6.0 / 255.0, -128))
        #expect(y == [0, 0, 0, 1, 30, 59, 60, 60, 60])
    }

    @Test func relu6SameQuantization() throws {
        let y = try T.int8(.relu6(Relu6()), [-128, -21, -20, -19, 0, 99, 100, 101, 127], shape: [1, 9], in: T.q(0.05, -20), out: T.q(0.05, -20))
        #expect(y == [-20, -20, -20, -19, 0, 99, 100, 100, 100])
    }
}
