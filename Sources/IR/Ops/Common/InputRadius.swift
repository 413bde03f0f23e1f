/// TFLM's `CalculateInputRadius(input_integer_bits, input_left_shift, 31)`: the largest input
/// magnitude that, scaled by a multiplier with `leftShift`, stays below the fixed-point range
/// `[-2^integerBits, 2^integerBits)`.
public enum InputRadius {
    /// `floor((2^integerBits - 1) * 2^(31 - integerBits) / 2^leftShift)` (computed in double, as
    /// TFLM does). Precondition: `0 <= leftShift <= 62`.
    public static func calculate(integerBits: Int32, leftShift: Int32) -> Int32 {
        precondition(leftShift >= 0 && leftShift <= 62, "left shift out of range")
        let numerator = Double((1 << Int(integerBits)) - 1) * Double(Int64(1) << Int64(31 - integerBits))
        let radius = (numerator / Double(Int64(1) << Int64(leftShift))).rounded(.down)
        return Int32(radius)
    }
}
