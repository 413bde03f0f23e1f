import IR
import Testing
import TestSupport

/// RSQRT: the table TFLM's arithmetic gives for each int8 value, the domain bound, one-line errors.
@Suite struct RsqrtChecksTests {
    static func params(_ inQ: (Float, Int32), _ outQ: (Float, Int32)) -> LookupTableParams {
        let g = PointwiseOpChecksTests.graph(.rsqrt(Rsqrt()), input: [1, 8], inQ, output: [1, 8], outQ)
        return Rsqrt().prepare(OpOperands(node: g.nodes[0], graph: g))
    }

    @Test func tableFollowsOneOverSquareRoot() {
        let (inQ, outQ): ((Float, Int32), (Float, Int32)) = ((0.05, -128), (4.5 / 255, -128))
        let p = Self.params(inQ, outQ)
        #expect(p.lowestValidInput == -128)
        #expect(p.table[Int(UInt8(bitPattern: -128))] == 127)      // x == zp: the largest output
        for q in -127...127 {
            let real = 1 / (Double(inQ.0) * Double(q - Int(inQ.1))).squareRoot()
            let expected = max(-128, min(127, (real / Double(outQ.0)).rounded() + Double(outQ.1)))
            let got = Double(p.table[Int(UInt8(bitPattern: Int8(q)))])
            #expect(abs(got - expected) <= 1, "q = \(q): \(got) vs \(expected)")
        }
    }

    @Test func inputsBelowTheZeroPointAreOutsideTheDomain() {
        #expect(Self.params((0.1, 17), (0.01, 0)).lowestValidInput == 17)
        #expect(Self.params((0.1, -128), (0.01, 0)).lowestValidInput == -128)
    }

    @Test func oneLineErrors() {
        let op = Op.rsqrt(Rsqrt())
        #expect(PointwiseOpChecksTests.unary(op, (0.05, -128), (0.02, -128)) == nil)
        #expect(PointwiseOpChecksTests.unary(op, (0.05, -128), (0.02, -128), outShape: [1, 7])?.kind == .malformed)
        // 1 / (sqrt(s_in) * s_out) = 1e-5: a right shift of 36 after the 2^20 pre-scale.
        let tiny = PointwiseOpChecksTests.unary(op, (100, -128), (10_000, -128))
        #expect(tiny?.kind == .unsupported)
        #expect(tiny?.description.hasPrefix("op 0 (RSQRT), tensor 1 'y': ") == true)
        #expect(tiny?.description.contains("outside the -31...10") == true)
        #expect(tiny?.description.contains("\n") == false)
    }
}
