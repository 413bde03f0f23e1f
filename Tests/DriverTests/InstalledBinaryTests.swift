import Foundation
import Testing
import TestSupport

/// The templates and kernels are compiled into the binary: a copy of `mcuc` in a folder of its
/// own, run from elsewhere, still emits the full library.
@Suite struct InstalledBinaryTests {
    /// The `mcuc` built next to the test bundle, if any.
    static var builtBinary: URL? {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for url in candidates {
            let binary = url.deletingLastPathComponent().appendingPathComponent("mcuc")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return nil
    }

    @Test(.enabled(if: builtBinary != nil, "the mcuc executable is not built next to the tests"))
    func aCopiedBinaryFindsItsTemplates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-installed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("mcuc")
        try FileManager.default.copyItem(at: try #require(Self.builtBinary), to: installed)
        let model = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
        let process = Process()
        process.executableURL = installed
        process.arguments = ["compile", model, "-o", root.appendingPathComponent("c").path]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("c").path)
        #expect(files.contains("mcuc_conv2d.h") && files.contains("digits_cnn_weights.c") && files.contains("Makefile"))
    }
}
