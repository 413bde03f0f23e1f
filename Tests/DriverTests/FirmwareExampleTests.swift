import Foundation
import Testing
import TestSupport

/// `Examples/digits_firmware`: `make run` generates the model's C with the mcuc under test, builds
/// it with the emitted Makefile and arm-none-eabi-gcc, and prints under QEMU the digit the
/// reference interpreter finds for the sample image (0). Its startup files stay copies of
/// `Templates/qemu/`.
@Suite struct FirmwareExampleTests {
    static let example = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_firmware")

    @Test(.enabled(if: QemuTools.installed && InstalledBinaryTests.builtBinary != nil,
                   "arm-none-eabi-gcc, qemu-system-arm or the mcuc binary missing"))
    func printsTheDigitOfTheSampleImage() throws {
        guard let mcuc = InstalledBinaryTests.builtBinary else { return }
        let build = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-firmware-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: build) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-s", "-C", Self.example.path, "run", "MCUC=\(mcuc.path)", "BUILD=\(build.path)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("digit: 0\n"), "\(text)")
    }

    @Test func startupFilesAreTheTemplates() throws {
        for name in ["mcuc_startup.c", "mcuc_semihost.c", "mcuc_semihost.h", "mcuc_mps2.ld", "mcuc_sections.ld"] {
            let copy = try String(contentsOf: Self.example.appendingPathComponent("startup/" + name), encoding: .utf8)
            let template = try String(contentsOf: SharedModels.repositoryRoot.appendingPathComponent("Templates/qemu/" + name),
                                      encoding: .utf8)
            #expect(copy == template, "Examples/digits_firmware/startup/\(name) differs from Templates/qemu/\(name)")
        }
    }
}
