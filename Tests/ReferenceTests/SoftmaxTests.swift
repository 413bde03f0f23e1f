import IR
import Reference
import Testing

@Suite struct SoftmaxTests {
    typealias T = PointwiseOpTesting

    /// Reals 0, 1, 2, 3, 4: p = [0.012, 0.032, 0.086, 0.234, 0.636]; 256 p - 128 rounds to these.
    @Test func distributionOverLastAxis() throws {
        let out = try T.softmax([0, 10, 20, 30, 40], shape: [1, 5], beta: 1, in: T.q(0.1, 0))
        #expect(out == [-125, -120, -106, -68, 35])
    }

    @Test func rowsAreIndependentAndBetaScales() throws {
        let out = try T.softmax([-128, 0, 64, 127, 5, 5, 5, 5], shape: [2, 4], beta: 2, in: T.q(0.05, -3))
        #expect(out == [-128, -128, -128, 127, -64, -64, -64, -64])
    }

    /// Scale 0.5, beta 1: multiplier 2^25 -> left shift 26, diff_min = -floor(31 * 2^26 / 2^26) = -31.
    @Test func differencesBelowDiffMinGiveMinusOneTwentyEight() throws {
        let out = try T.softmax([0, -30, -31, -32, -100], shape: [1, 5], beta: 1, in: T.q(0.5, 0))
        #expect(out == [127, -128, -128, -128, -128])
        let p = try #require(SoftmaxParams(beta: 1, inputScale: 0.5))
        #expect(p.diffMin == -31 && p.inputLeftShift == 26 && p.inputMultiplier == 1 << 30)
    }

    @Test func rank4UsesTheLastAxis() throws {
        let out = try T.int8(.softmax(Softmax(beta: 0.5)), [1, 2, 3, -50, 0, 50], shape: [1, 2, 1, 3],
                             in: T.q(0.2, 10), out: T.q(1.0 / 256.0, -128))
        #expect(out == [-51, -43, -34, -128, -126, 126])
    }

    /// 511 equal values: each gets 1/511 -> 0.5 LSB above -128.
    @Test func fiveHundredElevenEqualValues() throws {
        let out = try T.softmax([Int8](repeating: 0, count: 511), shape: [1, 511], beta: 1, in: T.q(0.1, 0))
        #expect(out == [Int8](repeating: -127, count: 511))
    }

    /// TFLM aborts (TFLITE_CHECK on the output shift) once the sum of exponentials reaches 512.
    @Test func sumOfFiveHundredTwelveIsACleanError() {
        #expect(throws: CompileError.self) {
            try T.softmax([Int8](repeating: 0, count: 512), shape: [1, 512], beta: 1, in: T.q(0.1, 0))
        }
    }

    /// beta * scale * 2^26 <= 1 makes TFLM's QuantizeMultiplierGreaterThanOne abort.
    @Test func tinyInputScaleIsRejected() {
        #expect(SoftmaxParams(beta: 1, inputScale: 7.8e-9) == nil)
        #expect(SoftmaxParams(beta: 1, inputScale: 1.0 / 67108864.0) == nil)
        #expect(SoftmaxParams(beta: 1, inputScale: 1.0 / 67108860.0) != nil)
        #expect(throws: CompileError.self) {
            try T.softmax([0, 1], shape: [1, 2], beta: 1, in: T.q(7.8e-9, 0))
        }
    }

    /// A huge multiplier is capped at 2^31 - 1 (shift 31, diff_min 0): only the maxima count.
    @Test func hugeMultiplierKeepsOnlyTheMaxima() throws {
        let p = try #require(SoftmaxParams(beta: 1000, inputScale: 100))
        #expect(p.inputMultiplier == Int32.max && p.inputLeftShift == 31 && p.diffMin == 0)
        let out = try T.softmax([3, 3, 2, -128], shape: [1, 4], beta: 1000, in: T.q(100, 0))
        #expect(out == [0, 0, -128, -128])
    }
}
