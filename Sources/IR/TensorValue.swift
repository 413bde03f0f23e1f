/// The elements of one tensor at run time, row-major (C order), with their type and shape.
public struct TensorValue: Sendable, Hashable {
    /// Typed element storage.
    public enum Storage: Sendable, Hashable {
        case int8([Int8])
        case int16([Int16])
        case int32([Int32])
        case float32([Float])
    }

    public var shape: Shape
    public var storage: Storage

    /// Creates a value; the element count must equal the shape's.
    public init(shape: Shape, storage: Storage) {
        self.shape = shape
        self.storage = storage
        precondition(count == shape.elementCount, "element count \(count) does not match shape \(shape)")
    }

    /// An int8 value.
    public static func int8(_ shape: Shape, _ values: [Int8]) -> TensorValue {
        TensorValue(shape: shape, storage: .int8(values))
    }

    /// An int32 value.
    public static func int32(_ shape: Shape, _ values: [Int32]) -> TensorValue {
        TensorValue(shape: shape, storage: .int32(values))
    }

    /// A float32 value.
    public static func float32(_ shape: Shape, _ values: [Float]) -> TensorValue {
        TensorValue(shape: shape, storage: .float32(values))
    }

    /// The element type.
    public var type: DataType {
        switch storage {
        case .int8: .int8
        case .int16: .int16
        case .int32: .int32
        case .float32: .float32
        }
    }

    /// Number of elements.
    public var count: Int {
        switch storage {
        case .int8(let v): v.count
        case .int16(let v): v.count
        case .int32(let v): v.count
        case .float32(let v): v.count
        }
    }

    /// The int8 elements (precondition: the value is int8).
    public var int8Values: [Int8] {
        guard case .int8(let v) = storage else { preconditionFailure("not an int8 value") }
        return v
    }

    /// The int16 elements (precondition: the value is int16).
    public var int16Values: [Int16] {
        guard case .int16(let v) = storage else { preconditionFailure("not an int16 value") }
        return v
    }

    /// The elements of an integer value (int8, int16 or int32) widened to Int32: what kernels
    /// generic over the activation type (int8 or int16) read.
    public var integerValues: [Int32] {
        switch storage {
        case .int8(let v): v.map(Int32.init)
        case .int16(let v): v.map(Int32.init)
        case .int32(let v): v
        case .float32: preconditionFailure("not an integer value")
        }
    }

    /// A value of the quantized integer `type` (int8 or int16) from Int32 elements, each already
    /// in the type's range (precondition).
    public static func quantized(_ type: DataType, _ shape: Shape, _ values: [Int32]) -> TensorValue {
        switch type {
        case .int8: .int8(shape, values.map { Int8($0) })
        case .int16: TensorValue(shape: shape, storage: .int16(values.map { Int16($0) }))
        default: preconditionFailure("\(type) is not a quantized activation type")
        }
    }

    /// The float32 elements (precondition: the value is float32).
    public var float32Values: [Float] {
        guard case .float32(let v) = storage else { preconditionFailure("not a float32 value") }
        return v
    }

    /// The elements as little-endian bytes (the layout of `.npy` files and of C arrays).
    public var bytes: [UInt8] {
        switch storage {
        case .int8(let v): return v.map { UInt8(bitPattern: $0) }
        case .int16(let v): return v.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        case .int32(let v): return v.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        case .float32(let v): return v.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        }
    }

    /// Reads `bytes` (little-endian) as elements of `type` in `shape`; nil if the byte count or
    /// type does not fit.
    public init?(type: DataType, shape: Shape, bytes: [UInt8]) {
        guard let size = type.byteSize, let count = shape.checkedElementCount, bytes.count == count * size else {
            return nil
        }
        func word(_ i: Int) -> UInt32 {
            UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16
                | UInt32(bytes[4 * i + 3]) << 24
        }
        switch type {
        case .int8: self.init(shape: shape, storage: .int8(bytes.map { Int8(bitPattern: $0) }))
        case .int16:
            self.init(shape: shape, storage: .int16((0..<count).map {
                Int16(bitPattern: UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8)
            }))
        case .int32: self.init(shape: shape, storage: .int32((0..<count).map { Int32(bitPattern: word($0)) }))
        case .float32: self.init(shape: shape, storage: .float32((0..<count).map { Float(bitPattern: word($0)) }))
        default: return nil
        }
    }

    /// A constant tensor's value (nil for activations or unsupported types).
    public init?(constant tensor: Tensor) {
        guard let data = tensor.data else { return nil }
        self.init(type: tensor.type, shape: tensor.shape, bytes: data)
    }
}
