import IR
import Reference
import Testing

@Suite struct QuantizeTests {
    typealias T = PointwiseOpTesting

    /// round(x / 0.5) half away from zero, + 37, clamped: 0.25 -> 1 -> 38, -0.75 -> -2 -> 35.
    @Test func fromFloat() throws {
        let g = T.graph(.quantize(Quantize()), input: [1, 9], nil, output: [1, 9], T.q(0.5, 37))
        let x: [Float] = [0.25, -0.25, 0.75, -0.75, 0, 1000, -1000, -82.5, 44.9]
        let y = try T.run(g, .float32(Shape([1, 9]), x)).int8Values
        #expect(y == [38, 36, 39, 35, 37, 127, -128, -128, 127])
    }

    /// Where TFLM's cast is undefined mcuc saturates; NaN maps to the zero point.
    @Test func nonFiniteInputsSaturate() throws {
        let g = T.graph(.quantize(Quantize()), input: [1, 4], nil, output: [1, 4], T.q(0.5, 37))
        let y = try T.run(g, .float32(Shape([1, 4]), [.nan, .infinity, -.infinity, 3e38])).int8Values
        #expect(y == [37, 127, -128, 127])
    }

    /// int8 -> int8: -10 + MBQM(x - 5, 0.02 / 0.05).
    @Test func requantizesInt8() throws {
        let y = try T.int8(.quantize(Quantize()), [-128, -50, 0, 4, 5, 6, 50, 100, 127], shape: [1, 9], in: T.q(0.02, 5), out: T.q(0.05, -10))
        #expect(y == [-63, -32, -12, -11, -10, -9, 8, 28, 39])
    }
}
