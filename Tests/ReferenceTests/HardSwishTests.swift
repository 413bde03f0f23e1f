import IR
import Reference
import Testing

@Suite struct HardSwishTests {
    typealias T = PointwiseOpTesting

    /// x * relu6(x + 3) / 6 on real inputs -6.02 ... 5.98 (scale 12/255).
    @Test func typicalQuantization() throws {
        let y = try T.int8(.hardSwish(HardSwish()), [-128, -64, -32, -1, 0, 1, 32, 64, 127], shape: [1, 9],
                           in: T.q(12.0 / 255.0, 0), out: T.q(6.375 / 255.0, -113))
        #expect(y == [-113, -113, -128, -114, -113, -112, -68, 7, 126])
    }

    /// Input scale 1 makes the reluish exponent positive (saturating left shifts).
    @Test func largeInputScale() throws {
        let y = try T.int8(.hardSwish(HardSwish()), [-5, -4, -3, -2, -1, 0, 1, 2, 3], shape: [1, 9], in: T.q(1, 0), out: T.q(0.5, -100))
        #expect(y == [-100, -100, -100, -101, -101, -100, -99, -97, -94])
    }

    /// in/128/out = 7.8e-6 needs a right shift of 17 on an int16: gemmlowp's int16 mask wraps,
    /// so TFLM turns 0 into 1 and negatives into -1. mcuc reproduces it.
    @Test func int16RoundingQuirkBeyondFifteenBits() throws {
        let p = HardSwishParams(input: T.q(0.01, 0), output: T.q(10, 0))
        #expect(p.outputExponent == -16)
        let y = try T.int8(.hardSwish(HardSwish()), [-128, -2, -1, 0, 1, 2, 50, 100, 127], shape: [1, 9], in: T.q(0.01, 0), out: T.q(10, 0))
        #expect(y == [-1, -1, -1, 1, 1, 1, 1, 1, 1])
    }

    /// A reluish exponent above 31 would make TFLM's `1 << (exponent - 1)` undefined.
    @Test func hugeInputScaleIsRejected() {
        #expect(HardSwishParams.problem(inputScale: 1e9, outputScale: 1e9) != nil)
        #expect(HardSwishParams.problem(inputScale: 1e6, outputScale: 1e6) == nil)
    }

    /// TFLM's Prepare requires output_multiplier_exponent <= 0.
    @Test func outputMultiplierAboveOneIsRejected() {
        #expect(HardSwishParams.problem(inputScale: 1, outputScale: 0.001) != nil)
        #expect(throws: CompileError.self) {
            try T.int8(.hardSwish(HardSwish()), [0], shape: [1, 1], in: T.q(1, 0), out: T.q(0.001, 0))
        }
    }
}
