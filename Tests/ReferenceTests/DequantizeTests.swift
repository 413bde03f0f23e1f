import IR
import Reference
import Testing

@Suite struct DequantizeTests {
    typealias T = PointwiseOpTesting

    /// float32(0.1) * float32(x + 3), one rounding: 0.1f * 3 = 0x3e99999a.
    @Test func scalesTheIntegerDifferenceInFloat32() throws {
        let g = T.graph(.dequantize(Dequantize()), input: [1, 5], T.q(0.1, -3), output: [1, 5], nil)
        let y = try T.run(g, .int8(Shape([1, 5]), [-128, -3, 0, 7, 127])).float32Values
        #expect(y.map(\.bitPattern) == [0xc148_0000, 0, 0x3e99_999a, 0x3f80_0000, 0x4150_0000])
    }
}
