import IR
import Testing
import TestSupport
import TFLiteFrontend

/// Files that are not TFLite at all give one clear error.
@Suite struct HostileInputTests {
    static func error(for bytes: [UInt8]) -> CompileError? {
        do {
            _ = try TFLiteFrontend.importModel(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() {
        let e = Self.error(for: [])
        #expect(e?.kind == .malformed)
        #expect(e?.description.contains("not a valid TFLite model") == true)
    }

    @Test func textFile() {
        let e = Self.error(for: Array("{\"this\": \"is json, not a model\"}\n".utf8))
        #expect(e?.description.contains("TFL3") == true)
    }

    @Test func identifierOnly() {
        #expect(Self.error(for: [8, 0, 0, 0] + Array("TFL3".utf8)) != nil)
    }

    @Test func rootOffsetPointsOutside() {
        #expect(Self.error(for: [0xF0, 0xFF, 0xFF, 0x7F] + Array("TFL3".utf8) + [UInt8](repeating: 0, count: 64)) != nil)
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 0..<4096, using: &random)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            if bytes.count >= 8 { bytes.replaceSubrange(4..<8, with: Array("TFL3".utf8)) }
            #expect(Self.error(for: bytes) != nil)
        }
    }
}
