import IR
import Testing

/// `InverseSqrt` (TFLM's GetInvSqrtQuantizedMultiplierExp): pinned values, computed by the C draft
/// in `scripts/tflm/semantics/kernels` that equals TFLM on every RSQRT and L2_NORMALIZATION fixture,
/// and the value it approximates over a sweep.
@Suite struct InverseSqrtTests {
    @Test func zeroAndOneGiveTheLargestMultiplier() {
        #expect(InverseSqrt.multiplier(0) == FixedPointMultiplier(multiplier: Int32.max, shift: 0))
        #expect(InverseSqrt.multiplier(1) == FixedPointMultiplier(multiplier: Int32.max, shift: 0))
    }

    @Test func pinnedValues() {
        let pinned: [(Int32, Int32, Int32)] = [
            (2, 1518498372, 0), (3, 1239850284, 0), (4, 1073741828, 0), (5, 960383900, 0),
            (100, 214748363, 0), (255, 268961290, -1), (1000, 271637587, -2), (65025, 269488147, -5),
            (1 << 27, 379624593, -11), (1 << 29, 379624593, -12), ((1 << 29) + 7, 379624593, -12),
            (Int32.max, 189812531, -12),
        ]
        for (x, m, s) in pinned {
            #expect(InverseSqrt.multiplier(x) == FixedPointMultiplier(multiplier: m, shift: s), "x = \(x)")
        }
    }

    @Test func approximatesOneOverSquareRoot() {
        var x: Int32 = 2
        while x < Int32.max / 2 {
            let r = InverseSqrt.multiplier(x)
            let value = Double(r.multiplier) / 2147483648.0 * Double(sign: .plus, exponent: Int(r.shift), significand: 1)
            let exact = 1 / Double(x).squareRoot()
            #expect(abs(value - exact) / exact < 1e-5, "x = \(x): \(value) vs \(exact)")
            #expect(r.shift <= 0)
            x = x < 300 ? x + 1 : x + x / 7
        }
    }
}
