import CodeGen
import Foundation
import Testing
import TestSupport

/// The emitted lookup kernel stops with `MCUC_ERROR_INPUT_DOMAIN` on an input below its bound
/// (RSQRT below its zero point, where TFLM fails the invoke) and looks up every other input
/// (`Firmware/lut_domain_check.c`, built with gcc and clang).
@Suite struct LookupTableDomainTests {
    @Test(arguments: ["gcc", "clang"])
    func inputBelowTheBoundStopsTheKernel(_ compiler: String) throws {
        try #require(HostTesting.onPath(compiler), "\(compiler) not found")
        let directory = HostTesting.scratch("lut-\(compiler)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in CodeGen.runtimeFiles where file.name.hasSuffix(".h") || file.name == "mcuc_activations.c" {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
        }
        let main = SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/lut_domain_check.c").path
        let build = try ZeroCopyFirmwareTests.run(compiler, ["-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                                             "-I", ".", main, "mcuc_activations.c", "-o", "lut_check"],
                                                  in: directory)
        try #require(build.status == 0, "\(build.stderr)")
        let run = try ZeroCopyFirmwareTests.run("./lut_check", [], in: directory)
        #expect(run.status == 0 && String(decoding: run.stdout, as: UTF8.self) == "ok\n",
                "\(String(decoding: run.stdout, as: UTF8.self))")
    }
}
