import CodeGen
import Foundation
import Testing
import TestSupport

/// The runtime's `mcuc_libm.c` (float LOG_SOFTMAX's expf and logf, done in integer arithmetic)
/// returns exactly what the host's glibc returns, which is what TFLM's float kernels use on the
/// oracle host: every 4099th bit pattern plus dense ranges, about 3 million values
/// (`Firmware/libm_check.c`; `libm_check 1` checks every float).
@Suite struct LibmTests {
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"))
    func runtimeExpfAndLogfEqualTheHostLibm() throws {
        let directory = HostTesting.scratch("libm")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in CodeGen.runtimeFiles where file.name.hasPrefix("mcuc_libm.") {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
        }
        let main = SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/libm_check.c").path
        let build = try ZeroCopyFirmwareTests.run("gcc", ["-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-I", ".",
                                                          main, "mcuc_libm.c", "-o", "libm_check", "-lm"], in: directory)
        try #require(build.status == 0, "\(build.stderr)")
        let run = try ZeroCopyFirmwareTests.run("./libm_check", [], in: directory)
        let report = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status == 0, "\(report)")
        #expect(report.contains(" 0 mismatches"), "\(report)")
    }
}
