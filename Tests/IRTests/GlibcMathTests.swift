#if canImport(Glibc)
import Glibc
#endif
import IR
import Testing

/// `GlibcMath.expf`/`logf` return exactly what the host's glibc returns (TFLM's
/// float kernels call it on the oracle host): every 65,537th bit pattern and dense ranges where
/// float LOG_SOFTMAX evaluates them.
@Suite struct GlibcMathTests {
    static func same(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    static func check(_ x: Float, _ mismatches: inout [String]) {
        if !same(GlibcMath.expf(x), Glibc.expf(x)) { mismatches.append("expf(\(x))") }
        if !same(GlibcMath.logf(x), Glibc.logf(x)) { mismatches.append("logf(\(x))") }
    }

    @Test func expfAndLogfEqualTheHostLibm() {
        var mismatches: [String] = []
        for bits in stride(from: UInt32(0), through: UInt32.max - 65_536, by: 65_537) {
            Self.check(Float(bitPattern: bits), &mismatches)
        }
        for x in stride(from: Float(-32), through: 0, by: 0.00073) { Self.check(x, &mismatches) }
        for x in stride(from: Float(1), through: 4096, by: 0.0917) { Self.check(x, &mismatches) }
        for x: Float in [0, -0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                         88.72283, 88.72284, -103.97208, -103.97209, 1, 2, 0.5] {
            Self.check(x, &mismatches)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }
}
