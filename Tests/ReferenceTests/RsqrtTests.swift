import IR
import Reference
import Testing

/// RSQRT in the reference: a lookup in the compile-time table; an input below the zero point
/// stops the run, as TFLM fails the invoke ("Rsqrt is only defined for positive values").
@Suite struct RsqrtTests {
    typealias T = PointwiseOpTesting

    @Test func valuesAtAndAboveTheZeroPoint() throws {
        // s_in 1, zp 5: v = 0, 1, 4, 16, 100 -> 1/sqrt(v) = inf, 1, 0.5, 0.25, 0.1 at s_out 1/128, zp -128.
        let y = try T.int8(.rsqrt(Rsqrt()), [5, 6, 9, 21, 105], shape: [5], in: T.q(1, 5), out: T.q(1.0 / 128, -128))
        #expect(y == [127, 0, -64, -96, -115])
    }

    @Test func inputBelowTheZeroPointStopsTheRun() {
        #expect(throws: CompileError.self) {
            _ = try T.int8(.rsqrt(Rsqrt()), [5, 6, 4, 9], shape: [4], in: T.q(1, 5), out: T.q(1.0 / 128, -128))
        }
        do {
            _ = try T.int8(.rsqrt(Rsqrt()), [5, 6, 4, 9], shape: [4], in: T.q(1, 5), out: T.q(1.0 / 128, -128))
        } catch {
            #expect(error.description.contains("element 2 is 4, below the input zero point 5"))
        }
    }
}
