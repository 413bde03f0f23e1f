import IR

/// NumPy `.npz` files: a ZIP archive of `.npy` members (`np.savez(f, in0=a, in1=b)` stores
/// `in0.npy`, `in1.npy`). Members are stored (`np.savez`) or deflated (`np.savez_compressed`);
/// other ZIP methods are named in the error. ZIP64 sizes in the central directory are
/// understood; every member's CRC-32 is checked.
public enum NpzArchive {
    /// The members of `bytes`: name without `.npy` -> the member's bytes.
    public static func read(_ bytes: [UInt8]) throws(CompileError) -> [String: [UInt8]] {
        let zip = ZipReader(bytes: bytes)
        var members: [String: [UInt8]] = [:]
        for entry in try zip.centralDirectory() {
            let data = try zip.member(entry)
            guard CRC32.checksum(data) == entry.crc else {
                throw CompileError(.badInput, "member '\(DisplayText.escaped(entry.name))' fails its CRC check")
            }
            let name = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            members[name] = data
        }
        return members
    }

    /// A stored (uncompressed) archive of `members` (name without `.npy`, bytes), in order.
    public static func write(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out = ZipWriter()
        for member in members { out.add(name: member.name + ".npy", data: member.bytes) }
        return out.finish()
    }
}

/// One member as the central directory describes it.
struct ZipEntry {
    var name: String
    var method: Int
    var crc: UInt32
    /// Uncompressed bytes.
    var size: Int
    /// Bytes in the archive (equal to `size` when stored).
    var compressedSize: Int
    var localHeader: Int
}

/// Reads the central directory and stored members of a ZIP archive, with bounds checks.
struct ZipReader {
    let bytes: [UInt8]

    func u16(_ at: Int) throws(CompileError) -> Int {
        try check(at, 2)
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws(CompileError) -> Int { try u16(at) | (try u16(at + 2)) << 16 }

    func u64(_ at: Int) throws(CompileError) -> Int { try u32(at) | (try u32(at + 4)) << 32 }

    func check(_ at: Int, _ count: Int) throws(CompileError) {
        guard at >= 0, count >= 0, at <= bytes.count - count else {
            throw CompileError(.badInput, "not a .npz file (a ZIP structure points outside the file)")
        }
    }

    /// Every entry of the central directory, found through the end-of-central-directory record.
    func centralDirectory() throws(CompileError) -> [ZipEntry] {
        let lowest = max(0, bytes.count - 22 - 65_535)
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: {
                  bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6
              }) else {
            throw CompileError(.badInput, "not a .npz file (no ZIP end-of-directory record)")
        }
        let count = try u16(end + 10)
        var at = try u32(end + 16)
        var entries: [ZipEntry] = []
        for _ in 0..<count {
            guard try u32(at) == 0x0201_4B50 else { throw CompileError(.badInput, "not a .npz file (bad ZIP directory)") }
            let nameLength = try u16(at + 28), extraLength = try u16(at + 30), commentLength = try u16(at + 32)
            try check(at + 46, nameLength + extraLength)
            var entry = ZipEntry(name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                                 method: try u16(at + 10), crc: UInt32(try u32(at + 16)), size: try u32(at + 24),
                                 compressedSize: try u32(at + 20), localHeader: try u32(at + 42))
            try applyZip64(&entry, extra: at + 46 + nameLength, length: extraLength)
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Replaces 0xFFFFFFFF sizes and offsets with the ZIP64 extra field's values (in its order).
    func applyZip64(_ entry: inout ZipEntry, extra: Int, length: Int) throws(CompileError) {
        var at = extra
        while at + 4 <= extra + length {
            let id = try u16(at), size = try u16(at + 2)
            if id == 1 {
                var field = at + 4
                if entry.size == 0xFFFF_FFFF { entry.size = try u64(field); field += 8 }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try u64(field); field += 8 }
                if entry.localHeader == 0xFFFF_FFFF { entry.localHeader = try u64(field) }
            }
            at += 4 + size
        }
    }

    /// The uncompressed bytes of `entry`: stored (method 0) or deflated (method 8).
    func member(_ entry: ZipEntry) throws(CompileError) -> [UInt8] {
        let raw = try data(of: entry)
        switch entry.method {
        case 0:
            guard raw.count == entry.size else {
                throw CompileError(.badInput, "member '\(DisplayText.escaped(entry.name))' has two different sizes")
            }
            return raw
        case 8: return try Inflate.decompress(raw, size: entry.size, what: entry.name)
        default:
            throw CompileError(.badInput, "member '\(DisplayText.escaped(entry.name))' uses ZIP compression method "
                + "\(entry.method); save the arrays with np.savez or np.savez_compressed")
        }
    }

    /// The bytes `entry` occupies in the archive.
    func data(of entry: ZipEntry) throws(CompileError) -> [UInt8] {
        guard try u32(entry.localHeader) == 0x0403_4B50 else {
            throw CompileError(.badInput, "not a .npz file (bad ZIP member header)")
        }
        let start = entry.localHeader + 30 + (try u16(entry.localHeader + 26)) + (try u16(entry.localHeader + 28))
        try check(start, entry.compressedSize)
        return Array(bytes[start..<(start + entry.compressedSize)])
    }
}

/// Builds a ZIP archive of stored members (no ZIP64: members and archive under 4 GiB).
struct ZipWriter {
    var bytes: [UInt8] = []
    var directory: [UInt8] = []
    var count = 0

    static func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    mutating func add(name: String, data: [UInt8]) {
        let nameBytes = Array(name.utf8), crc = Int(CRC32.checksum(data))
        let common = Self.le(20, 2) + Self.le(0, 2) + Self.le(0, 2) + Self.le(0, 2) + Self.le(0x21, 2) + Self.le(crc, 4)
            + Self.le(data.count, 4) + Self.le(data.count, 4) + Self.le(nameBytes.count, 2) + Self.le(0, 2)
        directory += Self.le(0x0201_4B50, 4) + Self.le(20, 2) + common + Self.le(0, 2) + Self.le(0, 2) + Self.le(0, 2)
            + Self.le(0, 4) + Self.le(bytes.count, 4) + nameBytes
        bytes += Self.le(0x0403_4B50, 4) + common + nameBytes + data
        count += 1
    }

    func finish() -> [UInt8] {
        bytes + directory + Self.le(0x0605_4B50, 4) + Self.le(0, 2) + Self.le(0, 2) + Self.le(count, 2)
            + Self.le(count, 2) + Self.le(directory.count, 4) + Self.le(bytes.count, 4) + Self.le(0, 2)
    }
}
