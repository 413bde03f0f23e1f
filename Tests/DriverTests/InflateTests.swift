@testable import Driver
import Foundation
import IR
import Testing
import TestSupport

/// The DEFLATE decoder against Python's zlib at every kind of block (stored, fixed, dynamic), and
/// malformed streams as one-line errors.
@Suite struct InflateTests {
    /// Raw DEFLATE streams (zlib wbits -15) of `data` at levels 0 (stored), 1 and 9, and with
    /// Z_FIXED (fixed codes only), made by python3 in `dir`.
    static func streams(of data: [UInt8], in dir: String) throws -> [[UInt8]]? {
        try Data(data).write(to: URL(fileURLWithPath: dir + "/plain"))
        let script = """
            import zlib
            d = open('plain', 'rb').read()
            for name, level, strategy in [('l0', 0, 0), ('l1', 1, 0), ('l9', 9, 0), ('fixed', 9, zlib.Z_FIXED)]:
                c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
                open(name, 'wb').write(c.compress(d) + c.flush())
            """
        guard try ExternalTools.run("python3", ["-c", script], in: dir) == 0 else { return nil }
        return try ["l0", "l1", "l9", "fixed"].map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))) }
    }

    /// Text-like runs, long repeats (copies up to 258 bytes and 32 KB back) and random bytes.
    static var sample: [UInt8] {
        var state: UInt32 = 7
        let words = Array("the arena holds every activation; ".utf8)
        var data: [UInt8] = []
        for k in 0..<3_000 { data += words.prefix(5 + k % 29) }
        data += (0..<40_000).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        data += Array(repeating: 0, count: 70_000)
        data += data.prefix(33_000)
        return data
    }

    @Test(.enabled(if: ExternalTools.onPath("python3"), "python3 not found"))
    func decodesWhatZlibEncodes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-inflate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = Self.sample
        for small in [[UInt8](), Array("a".utf8)] {
            guard let streams = try Self.streams(of: small, in: dir) else { return }
            for stream in streams { #expect(try Inflate.decompress(stream, size: small.count, what: "x") == small) }
        }
        let streams = try #require(try Self.streams(of: data, in: dir))
        #expect(streams.map(\.count).min()! < data.count / 3, "the sample compresses")
        for stream in streams { #expect(try Inflate.decompress(stream, size: data.count, what: "in0.npy") == data) }

        let dynamic = streams[2]
        for cut in [1, dynamic.count / 2, dynamic.count - 1] {
            Self.expectError(Array(dynamic.prefix(cut)), size: data.count, "ends early")
        }
        Self.expectError(dynamic, size: data.count - 1, "more than the")
        Self.expectError(dynamic, size: data.count + 1, "bytes where the archive declares")
    }

    @Test func malformedStreamsAreOneLineErrors() {
        Self.expectError([0x07], size: 1, "reserved type 3")
        Self.expectError([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61], size: 5, "stored block runs past")
        Self.expectError([0x01, 0x01, 0x00, 0x00, 0x00, 0x61], size: 1, "fails its check")
        #expect((try? Inflate.decompress([0x03, 0x00], size: 0, what: "x")) == [], "a fixed block holding only its end code")
    }

    static func expectError(_ stream: [UInt8], size: Int, _ text: String) {
        do {
            _ = try Inflate.decompress(stream, size: size, what: "in0.npy")
            Issue.record("expected an error containing '\(text)'")
        } catch {
            #expect(error.message.contains(text) && !error.message.contains("\n"), "\(error.message)")
            #expect(error.message.hasPrefix("member 'in0.npy' is not valid DEFLATE data"), "\(error.message)")
        }
    }
}
