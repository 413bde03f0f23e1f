/// A constant C array of the emitted weights file: weights, biases, multipliers, lookup tables.
struct CTable: Sendable, Hashable {
    /// The element values, typed.
    enum Values: Sendable, Hashable {
        case int8([Int8])
        case int16([Int16])
        /// int64 values (the biases of the int16x8 kernels).
        case int64([Int64])
        case int32([Int32])
        /// Raw bytes (float32 constants, kept bit-exact as their little-endian bytes).
        case bytes([UInt8])
    }

    /// File-local name (the array is `static`).
    var name: String
    var values: Values
    /// What the table holds, comment-safe (built from `CName.comment`).
    var comment: String
    /// External linkage (prefixed name, declared in `<prefix>.c`) for data the invoke function
    /// passes to kernels; parameter blocks reach the others, which stay `static`.
    var isExternal = false

    /// The C element type.
    var ctype: String {
        switch values {
        case .int8: "int8_t"
        case .int16: "int16_t"
        case .int64: "int64_t"
        case .int32: "int32_t"
        case .bytes: "uint8_t"
        }
    }

    /// Number of elements.
    var count: Int {
        switch values {
        case .int8(let v): v.count
        case .int16(let v): v.count
        case .int64(let v): v.count
        case .int32(let v): v.count
        case .bytes(let v): v.count
        }
    }

    /// Bytes the table occupies in Flash.
    var byteCount: Int {
        switch values {
        case .int8, .bytes: count
        case .int16: 2 * count
        case .int64: 8 * count
        case .int32: 4 * count
        }
    }
}

/// The small C writer for data: array initializer bodies and numeric literals.
enum CWriter {
    /// Elements per line of an initializer body.
    static let perLine = 16

    /// The lines between `{` and `};` of `table`'s initializer, indented by four spaces.
    static func body(_ table: CTable) -> String {
        switch table.values {
        case .int8(let v): return lines(v.map { String($0) })
        case .int16(let v): return lines(v.map { String($0) })
        case .int64(let v): return lines(v.map(int64Literal))
        case .bytes(let v): return lines(v.map { String($0) })
        case .int32(let v): return lines(v.map(int32Literal))
        }
    }

    /// Comma-separated literals, `perLine` per line.
    static func lines(_ literals: [String]) -> String {
        var out = ""
        out.reserveCapacity(literals.count * 5)
        for (i, literal) in literals.enumerated() {
            if i % perLine == 0 {
                if i > 0 { out += "\n" }
                out += "    "
            } else {
                out += " "
            }
            out += literal
            out += ","
        }
        return out
    }

    /// An int32 literal; INT32_MIN is written as an expression (`-2147483648` is not an int literal).
    static func int32Literal(_ v: Int32) -> String {
        v == Int32.min ? "(-2147483647 - 1)" : String(v)
    }

    /// An int64 literal with `INT64_C` (a plain literal beyond 32 bits is `long` or `long long` by
    /// platform); INT64_MIN as an expression.
    static func int64Literal(_ v: Int64) -> String {
        v == Int64.min ? "(-INT64_C(9223372036854775807) - 1)" : "INT64_C(\(v))"
    }

    /// A float32 literal that reads back as exactly `v` (finite): Swift's shortest round-trip form.
    static func floatLiteral(_ v: Float) -> String {
        precondition(v.isFinite, "float literal must be finite")
        var text = "\(v)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        return text + "f"
    }

    /// `{ 1, 2, 3 }` for a fixed-size array field, padded with zeros to `size` elements.
    static func arrayLiteral(_ values: [Int], size: Int) -> String {
        precondition(values.count <= size, "array field too long")
        let padded = values + [Int](repeating: 0, count: size - values.count)
        return "{ " + padded.map(String.init).joined(separator: ", ") + " }"
    }
}
