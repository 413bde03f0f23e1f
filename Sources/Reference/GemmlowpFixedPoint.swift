import IR

/// gemmlowp's scalar int32 fixed-point arithmetic (`fixedpoint/fixedpoint.h`), as TFLM's int8
/// SOFTMAX, LOGISTIC and TANH use it, bit for bit.
///
/// Values are raw `Int32`s of a Q(m).(31 - m) format; the format is passed as `integerBits`.
/// Plain additions wrap (as the C++ does on every target TFLM runs on); products are
/// `SaturatingRoundingDoublingHighMul`.
enum GemmlowpFixedPoint {
    /// `FixedPoint<int32_t, 0>::One()`: the largest Q0.31 value.
    static let oneQ0 = Int32.max

    @inline(__always)
    static func mul(_ a: Int32, _ b: Int32) -> Int32 {
        QuantizedMath.saturatingRoundingDoublingHighMul(a, b)
    }

    /// `SaturatingRoundingMultiplyByPOT<exponent>`: a saturating left shift for a positive
    /// exponent, a rounding right shift for a negative one.
    static func multiplyByPOT(_ x: Int32, _ exponent: Int32) -> Int32 {
        QuantizedMath.saturatingRoundingMultiplyByPOT(x, exponent)
    }

    /// `Rescale<to>(FixedPoint<from>)`: changes the number of integer bits.
    @inline(__always)
    static func rescale(_ x: Int32, from: Int32, to: Int32) -> Int32 {
        multiplyByPOT(x, from - to)
    }

    /// `RoundingHalfSum`: `(a + b) / 2` rounded half away from zero.
    static func roundingHalfSum(_ a: Int32, _ b: Int32) -> Int32 {
        let sum = Int64(a) + Int64(b)
        let sign: Int64 = sum >= 0 ? 1 : -1
        return Int32(truncatingIfNeeded: (sum + sign) / 2)
    }

    /// `exp(a)` for `a` in `[-1/4, 0)`, Q0.31 in and out (a Taylor expansion around -1/8).
    static func expOnIntervalBetweenNegativeOneQuarterAnd0Excl(_ a: Int32) -> Int32 {
        let constantTerm: Int32 = 1895147668    // exp(-1/8)
        let oneThird: Int32 = 715827883
        let x = a &+ (1 << 28)                  // a + 1/8
        let x2 = mul(x, x)
        let x3 = mul(x2, x)
        let x4 = mul(x2, x2)
        let x4Over4 = multiplyByPOT(x4, -2)
        let sum = multiplyByPOT(mul(x4Over4 &+ x3, oneThird) &+ x2, -1)
        return constantTerm &+ mul(constantTerm, x &+ sum)
    }

    /// The barrel shifter of `exp_on_negative_values`: `(exponent, Q0.31 exp(-2^exponent))`.
    private static let expBarrel: [(exponent: Int32, multiplier: Int32)] = [
        (-2, 1672461947), (-1, 1302514674), (0, 790015084), (1, 290630308),
        (2, 39332535), (3, 720401), (4, 242),
    ]

    /// `exp(a)` for `a <= 0` in Q(integerBits), result in Q0.31 (`exp_on_negative_values`).
    static func expOnNegativeValues(_ a: Int32, integerBits: Int32) -> Int32 {
        let fractionalBits = 31 - integerBits
        let oneQuarter: Int32 = 1 << (fractionalBits - 2)
        let aModQuarterMinusOneQuarter = (a & (oneQuarter - 1)) &- oneQuarter
        var result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
            rescale(aModQuarterMinusOneQuarter, from: integerBits, to: 0))
        let remainder = aModQuarterMinusOneQuarter &- a
        for (exponent, multiplier) in expBarrel where integerBits > exponent {
            let bit: Int32 = 1 << (fractionalBits + exponent)
            if remainder & bit != 0 { result = mul(result, multiplier) }
        }
        if integerBits > 5 {
            let clamp: Int32 = -(1 << (36 - integerBits))   // -32.0
            if a < clamp { result = 0 }
        }
        return a == 0 ? oneQ0 : result
    }

    /// The Newton-Raphson reciprocal shared by the two functions below: `1 / (1 + a)` in Q2.29
    /// for `a` in `[0, 1)` (Q0.31), returned with the half denominator.
    private static func reciprocalOfOnePlusQ2(_ a: Int32) -> Int32 {
        let halfDenominator = roundingHalfSum(a, oneQ0)
        let constant48Over17: Int32 = 1515870810
        let constantNeg32Over17: Int32 = -1010580540
        let oneQ2: Int32 = 1 << 29
        var x = constant48Over17 &+ mul(halfDenominator, constantNeg32Over17)
        for _ in 0..<3 {
            let halfDenominatorTimesX = mul(halfDenominator, x)
            let oneMinus = oneQ2 &- halfDenominatorTimesX
            x = x &+ rescale(mul(x, oneMinus), from: 4, to: 2)
        }
        return x
    }

    /// `1 / (1 + a)` for `a` in `[0, 1)`, Q0.31 in and out (`one_over_one_plus_x_for_x_in_0_1`).
    static func oneOverOnePlusXForXIn01(_ a: Int32) -> Int32 {
        // ExactMulByPot<-1> turns the Q2.29 value into Q1.30 without changing the raw bits.
        rescale(reciprocalOfOnePlusQ2(a), from: 1, to: 0)
    }

    /// `(1 - a) / (1 + a)` for `a` in `[0, 1)`, Q0.31 in and out.
    static func oneMinusXOverOnePlusXForXIn01(_ a: Int32) -> Int32 {
        rescale(reciprocalOfOnePlusQ2(a) &- (1 << 29), from: 2, to: 0)
    }

    /// `1 / (1 + exp(-a))` with `a` in Q(integerBits), result in Q0.31 (`gemmlowp::logistic`).
    static func logistic(_ a: Int32, integerBits: Int32) -> Int32 {
        if a == 0 { return 1 << 30 }
        let absolute = a > 0 ? a : 0 &- a
        let positive = oneOverOnePlusXForXIn01(expOnNegativeValues(0 &- absolute, integerBits: integerBits))
        return a > 0 ? positive : oneQ0 &- positive
    }

    /// `tanh(a)` with `a` in Q(integerBits), result in Q0.31 (`gemmlowp::tanh`).
    static func tanh(_ a: Int32, integerBits: Int32) -> Int32 {
        if a == 0 { return 0 }
        let nonPositive = a < 0 ? a : 0 &- a
        // ExactMulByPot<1>: the same raw value read with one more integer bit, i.e. exp(2n).
        let t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(nonPositive, integerBits: integerBits + 1))
        return a < 0 ? 0 &- t : t
    }

    /// TFLM's `GetReciprocal`: `1 / x` for `x` in Q(integerDigits) as a Q0.31 value and the
    /// number of bits of `x` above 1.0.
    static func reciprocal(_ x: Int32, integerDigits: Int32) -> (value: Int32, bitsOverUnit: Int32) {
        let headroomPlusOne = Int32(UInt32(bitPattern: x).leadingZeroBitCount)
        let bitsOverUnit = integerDigits - headroomPlusOne
        let shifted = UInt32(bitPattern: x) << UInt32(headroomPlusOne)
        let shiftedSumMinusOne = Int32(bitPattern: shifted &- (1 << 31))
        return (oneOverOnePlusXForXIn01(shiftedSumMinusOne), bitsOverUnit)
    }
    /// `ln(x)` for `x >= 1` in Q(inputIntegerBits), result in Q(outputIntegerBits) (TFLM's
    /// `log_x_for_x_greater_than_or_equal_to_1`): `x` renormalized by its leading zeros, plainly
    /// and after a product with sqrt(1/2); the smaller mantissa and larger exponent are kept, then
    /// `exponent * ln 2 + num / (1 + denom)` in Q(outputIntegerBits + 1).
    static func logOfAtLeastOne(_ x: Int32, inputIntegerBits: Int32, outputIntegerBits: Int32) -> Int32 {
        let accum = outputIntegerBits + 1
        let ln2: Int32 = 1488522236, sqrtSqrtHalf: Int32 = 1805811301, sqrtHalf: Int32 = 1518500250
        let shiftedQuarter = multiplyByPOT(536870912, -accum)
        let aHeadroomPlusOne = Int32(UInt32(bitPattern: x).leadingZeroBitCount)
        let ra = multiplyByPOT(mul(multiplyByPOT(x, aHeadroomPlusOne - 1), sqrtHalf), 1)
        let aPow2 = saturatingAdd(multiplyByPOT(inputIntegerBits - aHeadroomPlusOne, 31 - accum),
                                                shiftedQuarter)
        let bHeadroom = Int32(UInt32(bitPattern: mul(x, sqrtHalf)).leadingZeroBitCount) - 1
        let rb = multiplyByPOT(x, bHeadroom)
        let bPow2 = saturatingSubtract(multiplyByPOT(inputIntegerBits - bHeadroom, 31 - accum),
                                                     shiftedQuarter)
        let r = min(ra, rb), zPow2 = max(aPow2, bPow2)
        let p = roundingHalfSum(r, sqrtSqrtHalf)
        let q = (r &- sqrtSqrtHalf) &+ (r &- sqrtSqrtHalf)
        let commonSquare = mul(q, q)
        let num = mul(q, r) &+ mul(mul(q, commonSquare), 117049297)
        let denom = mul(p, 1057819769 &+ q &+ mul(127690142, commonSquare)) &+ mul(638450708, q)
        let reciprocal = oneOverOnePlusXForXIn01(denom)
        let numScaled = multiplyByPOT(num, -accum)
        return multiplyByPOT(mul(zPow2, ln2) &+ mul(numScaled, reciprocal), 1)
    }
    /// `a + b` saturated to int32 (`SaturatingAddNonGemmlowp`).
    static func saturatingAdd(_ a: Int32, _ b: Int32) -> Int32 {
        Int32(clamping: Int64(a) + Int64(b))
    }

    /// `a - b` saturated to int32 (`SaturatingSub`).
    static func saturatingSubtract(_ a: Int32, _ b: Int32) -> Int32 {
        Int32(clamping: Int64(a) - Int64(b))
    }
}
