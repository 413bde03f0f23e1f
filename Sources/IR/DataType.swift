/// Element type of a tensor, with TFLite's `TensorType` ordinals as raw values.
public enum DataType: Sendable, Hashable, CustomStringConvertible {
    case float32, float16, int32, uint8, int64, string, bool, int16, int8, float64
    /// Any other TFLite tensor type, kept by ordinal so it can be reported.
    case other(Int32)

    /// Maps a TFLite `TensorType` ordinal.
    public init(tfliteOrdinal: Int32) {
        switch tfliteOrdinal {
        case 0: self = .float32
        case 1: self = .float16
        case 2: self = .int32
        case 3: self = .uint8
        case 4: self = .int64
        case 5: self = .string
        case 6: self = .bool
        case 7: self = .int16
        case 9: self = .int8
        case 10: self = .float64
        default: self = .other(tfliteOrdinal)
        }
    }

    /// Bytes per element, or nil for types without a fixed size (string, unknown).
    public var byteSize: Int? {
        switch self {
        case .int8, .uint8, .bool: 1
        case .int16, .float16: 2
        case .int32, .float32: 4
        case .int64, .float64: 8
        case .string, .other: nil
        }
    }

    /// Lower-case name as NumPy and `inspect` print it (`int8`, `float32`, ...).
    public var description: String {
        switch self {
        case .float32: "float32"
        case .float16: "float16"
        case .int32: "int32"
        case .uint8: "uint8"
        case .int64: "int64"
        case .string: "string"
        case .bool: "bool"
        case .int16: "int16"
        case .int8: "int8"
        case .float64: "float64"
        case .other(let ordinal): "type\(ordinal)"
        }
    }
}
