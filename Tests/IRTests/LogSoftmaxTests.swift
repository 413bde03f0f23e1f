import IR
import Testing
import TestSupport

/// `LogSoftmax`: TFLM's Prepare rules (fixed int8 output grid, type kept, input multiplier above
/// one) as located errors, and the int8 parameters against TFLM's arithmetic.
@Suite struct LogSoftmaxTests {
    static let op = Op.logSoftmax(LogSoftmax())
    static let grid: (Float, Int32) = (16.0 / 256.0, 127)

    static func problem(_ inQ: (Float, Int32)?, _ outQ: (Float, Int32)?, shape: [Int] = [2, 7],
                        outShape: [Int]? = nil) -> CompileError? {
        PointwiseOpChecksTests.problem(PointwiseOpChecksTests.graph(op, input: shape, inQ, output: outShape ?? shape, outQ))
    }

    @Test func acceptsInt8OnTheGridAndFloat32() {
        #expect(Self.problem((0.1, 3), Self.grid) == nil)
        #expect(Self.problem(nil, nil) == nil)
        #expect(Self.problem((0.1, 3), Self.grid, shape: [1, 2, 2, 5]) == nil)
    }

    @Test func requiresTheOutputGrid16Over256AndZeroPoint127() {
        let scale = Self.problem((0.1, 3), (1.0 / 16.0 + 1e-6, 127))
        #expect(scale?.kind == .unsupported && scale?.message.contains("16/256") == true)
        #expect(scale?.location.tensor == TensorID(1))
        #expect(Self.problem((0.1, 3), (16.0 / 256.0, 0))?.kind == .unsupported)
    }

    @Test func keepsTypeAndShape() {
        let mixed = Self.problem((0.1, 3), nil)
        #expect(mixed?.kind == .unsupported && mixed?.message.contains("keeps the type") == true)
        #expect(Self.problem((0.1, 3), Self.grid, outShape: [2, 6])?.kind == .malformed)
        #expect(Self.problem((0.1, 3), Self.grid, shape: [], outShape: [])?.kind == .malformed)
    }

    /// `input_scale * 2^26 <= 1` makes TFLM's QuantizeMultiplierGreaterThanOne abort.
    @Test func tinyInputScaleIsACleanError() {
        let e = Self.problem((1.0 / 67_108_864.0, 0), Self.grid)
        #expect(e?.kind == .unsupported && e?.message.contains("QuantizeMultiplierGreaterThanOne") == true)
        #expect(e?.location.tensor == TensorID(0))
        #expect(Self.problem((2.0 / 67_108_864.0, 0), Self.grid) == nil)
    }

    /// Scale 0.1: `0.1f * 2^26` quantizes to (1717986944, 23); the reverse scaling
    /// `2^8 / 1717986944` to (1342177260, -22); diff_min `-floor(31 * 2^26 / 2^23)` = -248
    /// (values from an independent Python QuantizeMultiplier).
    @Test func int8ParametersFollowTFLM() throws {
        let q = try #require(LogSoftmaxQuantization(inputScale: 0.1))
        #expect(q.input.inputMultiplier == 1717986944 && q.input.inputLeftShift == 23)
        #expect(q.reverseScaling == FixedPointMultiplier(multiplier: 1342177260, shift: -22))
        #expect(q.input.diffMin == -248)
    }
}
