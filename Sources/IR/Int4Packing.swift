/// TFLite's dense `INT4` storage: two signed 4-bit values per byte, element `2i` in the low nibble
/// of byte `i` and element `2i + 1` in its high nibble; an odd count leaves the last high nibble
/// unused (TFLM `tensor_utils::UnpackDenseInt4IntoInt8`).
public enum Int4Packing {
    /// TFLite's `TensorType.INT4` ordinal.
    public static let tfliteOrdinal: Int32 = 17

    /// Bytes that hold `count` packed values.
    public static func packedByteCount(_ count: Int) -> Int { (count + 1) / 2 }

    /// The first `count` values of `bytes`, each sign-extended to int8.
    public static func unpack(_ bytes: [UInt8], count: Int) -> [Int8] {
        (0..<count).map { index in
            let byte = bytes[index / 2]
            let nibble = index % 2 == 0 ? byte << 4 : byte & 0xF0
            return Int8(bitPattern: nibble) >> 4
        }
    }

    /// `values` (each in -8...7) packed two per byte; the unused high nibble of an odd count is 0.
    public static func pack(_ values: [Int8]) -> [UInt8] {
        stride(from: 0, to: values.count, by: 2).map { index in
            let low = UInt8(bitPattern: values[index]) & 0x0F
            let high = index + 1 < values.count ? (UInt8(bitPattern: values[index + 1]) & 0x0F) << 4 : 0
            return low | high
        }
    }
}
