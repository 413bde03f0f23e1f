/// TFLM's int16 LOGISTIC and TANH (`reference_integer_ops::Logistic` / `Tanh`, int16 path) as the
/// integer LSTM's gates use them: a Q3.12 input scaled by `(multiplier, shift)` interpolates a
/// 256-entry table of sigmoid values in 0.16 fixed point; the result is Q0.15.
public enum Int16Sigmoid {
    /// TFLM's sigmoid table, measured from the oracle by `scripts/tflm/derive_sigmoid_table.py`
    /// (some entries differ by one from the rounded sigmoid, so no formula rebuilds it).
    public static let table: [Int32] = [
        32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
        40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
        47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
        53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
        57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
        60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
        62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
        63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
        64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
        64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
        65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
        65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
        65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
        65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
        65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
        65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
        65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
        65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
        65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
        65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
        65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
        65534, 65534, 65534, 65535,
    ]

    /// `logistic(x)` in Q0.15 for a Q3.12 input `x` rescaled as `(x * multiplier + round) >> shift`.
    public static func logistic(_ x: Int16, multiplier: Int32, shift: Int32) -> Int16 {
        let v = scaled(x, multiplier, shift), a = abs(v), index = Int(a >> 9)
        var r: Int32
        if index >= 255 {
            r = 0x7FFF << 10
        } else {
            r = (table[index] << 9) + (a & 0x1FF) * (table[index + 1] - table[index])
        }
        r = v >= 0 ? r + (1 << 9) : (1 << 25) - r + (1 << 9) - 1
        return Int16(truncatingIfNeeded: r >> 10)
    }

    /// `tanh(x)` in Q0.15 for a Q3.12 input `x` rescaled as `(x * multiplier + round) >> shift`.
    public static func tanh(_ x: Int16, multiplier: Int32, shift: Int32) -> Int16 {
        let v = scaled(x, multiplier, shift), a = abs(v), index = Int(a >> 8)
        var r: Int32
        if index >= 255 {
            r = 0xFFFF << 8
        } else {
            r = (table[index] << 8) + (a & 0xFF) * (table[index + 1] - table[index])
        }
        r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1
        return Int16(truncatingIfNeeded: r >> 8)
    }

    /// The gates' fixed rescale (TFLM's multiplier 0, shift 0: `3x`, the Q3.12 input read on the
    /// table's grid).
    public static let gateMultiplier: Int32 = 3

    static func scaled(_ x: Int16, _ multiplier: Int32, _ shift: Int32) -> Int32 {
        let round: Int32 = shift > 0 ? 1 << (shift - 1) : 0
        return (Int32(x) * multiplier + round) >> shift
    }
}
