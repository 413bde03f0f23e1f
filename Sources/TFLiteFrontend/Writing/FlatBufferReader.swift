import IR

/// Reads the few FlatBuffer structures the TFLite `Model` root needs, with bounds checks
/// (the bytes already passed the importer's verifier; these checks only keep a bug from crashing).
struct FlatBufferReader {
    let bytes: [UInt8]

    func u16(_ at: Int) throws(CompileError) -> Int {
        try check(at, 2)
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws(CompileError) -> Int {
        try check(at, 4)
        return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    func i32(_ at: Int) throws(CompileError) -> Int { Int(Int32(truncatingIfNeeded: try u32(at))) }

    func u64(_ at: Int) throws(CompileError) -> UInt64 {
        UInt64(try u32(at)) | UInt64(try u32(at + 4)) << 32
    }

    func check(_ at: Int, _ count: Int) throws(CompileError) {
        guard at >= 0, at + count <= bytes.count else {
            throw CompileError(.malformed, "FlatBuffer offset \(at) is outside the file")
        }
    }

    /// Absolute position of each field of the table at `table` (nil when absent), for `count` fields.
    func fields(ofTable table: Int, count: Int) throws(CompileError) -> [Int?] {
        let vtable = table - (try i32(table))
        let vtableSize = try u16(vtable)
        return try (0..<count).map { (i: Int) throws(CompileError) -> Int? in
            let slot = 4 + 2 * i
            guard slot + 2 <= vtableSize else { return nil }
            let offset = try u16(vtable + slot)
            return offset == 0 ? nil : table + offset
        }
    }

    /// The number of fields the vtable of `table` has room for.
    func fieldCount(ofTable table: Int) throws(CompileError) -> Int {
        (try u16(table - (try i32(table))) - 4) / 2
    }

    /// Where the uoffset stored at `at` points.
    func target(_ at: Int) throws(CompileError) -> Int { at + (try u32(at)) }

    /// The element targets of the vector of tables the uoffset at `at` points to.
    func tableVector(_ at: Int) throws(CompileError) -> [Int] {
        let vector = try target(at)
        let count = try u32(vector)
        try check(vector + 4, 4 * count)
        return try (0..<count).map { (i: Int) throws(CompileError) -> Int in try target(vector + 4 + 4 * i) }
    }

    /// The string the uoffset at `at` points to (UTF-8, lossy).
    func string(_ at: Int) throws(CompileError) -> String {
        let start = try target(at)
        let length = try u32(start)
        try check(start + 4, length)
        return String(decoding: bytes[(start + 4)..<(start + 4 + length)], as: UTF8.self)
    }
}
