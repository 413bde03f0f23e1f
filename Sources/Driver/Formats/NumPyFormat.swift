import IR

/// Reads and writes NumPy `.npy` files (format 1.0, 2.0 and 3.0; little-endian; C order) for the
/// element types model tensors use: int8, uint8, int16, int32, float32.
public enum NumPyFormat {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The IR type of a descr (`|i1`, `<i1`, `<f4`, `<i4`), nil for anything else.
    public static func dataType(ofDescr descr: String) -> DataType? {
        switch descr {
        case "|i1", "<i1", "i1": .int8
        case "|u1", "<u1", "u1": .uint8
        case "<i2": .int16
        case "<i4": .int32
        case "<f4": .float32
        default: nil
        }
    }

    /// The descr written for an IR type.
    public static func descr(of type: DataType) -> String? {
        switch type {
        case .int8: "|i1"
        case .uint8: "|u1"
        case .int16: "<i2"
        case .int32: "<i4"
        case .float32: "<f4"
        default: nil
        }
    }

    /// Parses `bytes`; any malformation is a `.badInput` error naming what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(CompileError) -> NumPyArray {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw CompileError(.badInput, "not a .npy file (it does not start with the NumPy magic bytes 0x93 NUMPY)")
        }
        let major = bytes[6]
        let (headerLength, headerStart): (Int, Int)
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw CompileError(.badInput, ".npy header is truncated") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw CompileError(.badInput, ".npy format version \(major) is not supported")
        }
        guard headerStart + headerLength <= bytes.count else { throw CompileError(.badInput, ".npy header is truncated") }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let fields = try NumPyHeader.parse(header)
        guard !fields.fortranOrder else { throw CompileError(.badInput, ".npy array is in Fortran order; save it in C order") }
        guard let type = dataType(ofDescr: fields.descr), let size = type.byteSize else {
            throw CompileError(.badInput, ".npy dtype '\(fields.descr)' is not supported (use int8, int16, int32 or float32, little-endian)")
        }
        let dataStart = headerStart + headerLength
        let available = bytes.count - dataStart
        let needed = Shape(fields.shape).checkedElementCount.map { $0.multipliedReportingOverflow(by: size) }
        guard let needed, !needed.overflow, needed.partialValue == available else {
            throw CompileError(.badInput, ".npy data holds \(available) bytes, which does not match shape \(Shape(fields.shape)) of \(type)")
        }
        return NumPyArray(descr: fields.descr, shape: fields.shape, data: Array(bytes[dataStart...]))
    }

    /// Encodes `value` as a version 1.0 `.npy` file (header padded to a multiple of 64 bytes).
    public static func encode(_ value: TensorValue) -> [UInt8] {
        guard let descr = descr(of: value.type) else { preconditionFailure("no .npy dtype for \(value.type)") }
        let dims = value.shape.dims
        let shapeText = dims.isEmpty ? "()" : dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = header.utf8.count
        return magic + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + value.bytes
    }

    /// Converts a decoded array into a tensor value of the model's `type` and `shape`.
    public static func value(_ array: NumPyArray, expecting type: DataType, shape: Shape, what: String) throws(CompileError) -> TensorValue {
        guard let actual = dataType(ofDescr: array.descr), actual == type else {
            throw CompileError(.badInput, "\(what) has dtype '\(array.descr)' but the model expects \(type)")
        }
        guard array.shape == shape.dims else {
            throw CompileError(.badInput, "\(what) has shape \(Shape(array.shape)) but the model expects \(shape)")
        }
        guard let value = TensorValue(type: type, shape: shape, bytes: array.data) else {
            throw CompileError(.badInput, "\(what) has type \(type), which mcuc cannot load")
        }
        return value
    }
}

/// The decoded contents of a `.npy` file.
public struct NumPyArray: Sendable, Equatable {
    /// NumPy descr such as `|i1` or `<f4`.
    public var descr: String
    public var shape: [Int]
    /// Element bytes, little-endian, row-major.
    public var data: [UInt8]

    public init(descr: String, shape: [Int], data: [UInt8]) {
        self.descr = descr
        self.shape = shape
        self.data = data
    }
}
