/// `expf` and `logf` exactly as TFLM's float kernels get them on the oracle host: glibc >= 2.27 on
/// x86-64 with FMA, whose ifunc selects the FMA builds of ARM optimized-routines' algorithms (a
/// 32-entry 2^(i/32) table and a cubic for expf; a 16-entry (1/c, ln c) table and a cubic for
/// logf). The constants were read from the host's libm, the operation order from its FMA code
/// path (docs/OPERATOR_SEMANTICS.md, "exp/log in float"). `fma(a, b, c)` is
/// `c.addingProduct(a, b)`, one rounding. The emitted C (`mcuc_libm.h`) computes the same with
/// integer arithmetic.
public enum GlibcMath {
    /// 2^(i/32) as double bits, minus `i << 47` (glibc's `__exp2f_data.tab`).
    static let exp2Table: [UInt64] = [
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
        0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
        0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
        0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
        0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
        0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    ]

    /// glibc's expf (FMA build), bit for bit.
    public static func expf(_ x: Float) -> Float {
        let ix = x.bitPattern
        let absTop = (ix >> 20) & 0x7FF
        if absTop >= 0x42B {   // |x| >= 88, inf or nan
            if ix == 0xFF80_0000 { return 0 }
            if absTop >= 0x7F8 { return x + x }
            if x > Float(bitPattern: 0x42B1_7217) { return .infinity }       // 0x1.62e42ep6
            if x < Float(bitPattern: 0xC2CF_F1B4) { return 0 }               // -0x1.9fe368p6
        }
        let invLn2x32 = Double(bitPattern: 0x4047_1547_652B_82FE)            // 0x1.71547652b82fep+5
        let shift = Double(bitPattern: 0x4338_0000_0000_0000)                // 0x1.8p+52
        let c0 = Double(bitPattern: 0x3EBC_6AF8_4B91_2394), c1 = Double(bitPattern: 0x3F2E_BFCE_50FA_C4F3)
        let c2 = Double(bitPattern: 0x3F96_2E42_FF0C_52D6)
        let xd = Double(x)
        var kd = shift.addingProduct(invLn2x32, xd)
        let ki = kd.bitPattern
        kd -= shift
        let r = (-kd).addingProduct(invLn2x32, xd)
        let z = c1.addingProduct(c0, r)
        let r2 = r * r
        var y = (1.0 as Double).addingProduct(c2, r)
        y = y.addingProduct(z, r2)
        let scale = Double(bitPattern: exp2Table[Int(ki % 32)] &+ (ki << 47))
        return Float(y * scale)
    }

    /// (1/c, ln c) for 16 subintervals around 1, as double bits (glibc's `__logf_data.tab`).
    static let logTable: [(invc: UInt64, logc: UInt64)] = [
        (0x3FF661EC79F8F3BE, 0xBFD57BF7808CAADE), (0x3FF571ED4AAF883D, 0xBFD2BEF0A7C06DDB),
        (0x3FF49539F0F010B0, 0xBFD01EAE7F513A67), (0x3FF3C995B0B80385, 0xBFCB31D8A68224E9),
        (0x3FF30D190C8864A5, 0xBFC6574F0AC07758), (0x3FF25E227B0B8EA0, 0xBFC1AA2BC79C8100),
        (0x3FF1BB4A4A1A343F, 0xBFBA4E76CE8C0E5E), (0x3FF12358F08AE5BA, 0xBFB1973C5A611CCC),
        (0x3FF0953F419900A7, 0xBFA252F438E10C1E), (0x3FF0000000000000, 0x0000000000000000),
        (0x3FEE608CFD9A47AC, 0x3FAAA5AA5DF25984), (0x3FECA4B31F026AA0, 0x3FBC5E53AA362EB4),
        (0x3FEB2036576AFCE6, 0x3FC526E57720DB08), (0x3FE9C2D163A1AA2D, 0x3FCBC2860D224770),
        (0x3FE886E6037841ED, 0x3FD1058BC8A07EE1), (0x3FE767DCF5534862, 0x3FD4043057B6EE09),
    ]

    /// glibc's logf (FMA build), bit for bit.
    public static func logf(_ x: Float) -> Float {
        var ix = x.bitPattern
        if ix == 0x3F80_0000 { return 0 }
        if ix &- 0x0080_0000 >= 0x7F80_0000 - 0x0080_0000 {
            if ix &* 2 == 0 { return -.infinity }
            if ix == 0x7F80_0000 { return x }
            if ix & 0x8000_0000 != 0 || ix &* 2 >= 0xFF00_0000 { return Float(bitPattern: 0x7FC0_0000) }
            ix = (x * 0x1p23).bitPattern &- (23 << 23)   // subnormal: normalize
        }
        let ln2 = Double(bitPattern: 0x3FE6_2E42_FEFA_39EF)
        let a0 = Double(bitPattern: 0xBFD0_0EA3_48B8_8334), a1 = Double(bitPattern: 0x3FD5_575B_0BE0_0B6A)
        let a2 = Double(bitPattern: 0xBFDF_FFFE_F20A_4123)
        let tmp = ix &- 0x3F33_0000
        let entry = logTable[Int((tmp >> 19) % 16)]
        let k = Int32(bitPattern: tmp) >> 23
        let iz = ix &- (tmp & 0xFF80_0000)
        let z = Double(Float(bitPattern: iz))
        let r = (-1.0 as Double).addingProduct(z, Double(bitPattern: entry.invc))
        let y0 = Double(bitPattern: entry.logc).addingProduct(Double(k), ln2)
        let r2 = r * r
        var y = a2.addingProduct(a1, r)
        y = y.addingProduct(a0, r2)
        y = (y0 + r).addingProduct(y, r2)
        return Float(y)
    }
}
