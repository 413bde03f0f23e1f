import CodeGen
import Driver
import Foundation
import Testing
import TestSupport

/// The emitted Makefile and CMake files build the library as a user does: with the host gcc and
/// clang, and with arm-none-eabi-gcc for every Cortex-M core, -Wall -Wextra -pedantic -Werror
/// clean. The bundled example's library is built together with every runtime kernel (SOURCES
/// overridden), so each kernel family is compiled for each core whatever the model uses.
@Suite struct CrossBuildTests {
    static let cores = ["cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33", "cortex-m55"]

    static func onPath(_ tool: String) -> Bool { ExternalTools.onPath(tool) }

    /// The example compiled into a fresh folder, plus every runtime kernel; the `.c` files.
    static func library() throws -> (URL, [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-cross-\(UUID().uuidString)")
        let example = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
        let output = Commands.compile(CompileCommandOptions(model: example, outputDirectory: dir.path, memory: .estimate))
        #expect(output.exitCode == 0, "\(output.stderr)")
        for file in CodeGen.runtimeFiles where !file.name.hasPrefix("mcuc_harness") {
            try Data(file.text.utf8).write(to: dir.appendingPathComponent(file.name))
        }
        let sources = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".c") }.sorted()
        return (dir, sources)
    }

    /// Runs `tool arguments` in `dir`; returns the exit status and the messages.
    static func run(_ tool: String, _ arguments: [String], in dir: URL) throws -> (Int32, String) {
        try ExternalTools.runUnblocked(tool, arguments, in: dir)
    }

    static func make(_ dir: URL, sources: [String], _ variables: [String]) throws -> (Int32, String) {
        _ = try run("make", ["clean"], in: dir)
        return try run("make", ["-s", "SOURCES=\(sources.joined(separator: " "))", "EXTRA_CFLAGS=-Werror"] + variables, in: dir)
    }

    @Test(.enabled(if: onPath("make") && onPath("arm-none-eabi-gcc"), "make or arm-none-eabi-gcc not installed"))
    func everyCoreWithArmGCC() throws {
        let (dir, sources) = try Self.library()
        defer { try? FileManager.default.removeItem(at: dir) }
        for cpu in Self.cores {
            let (status, messages) = try Self.make(dir, sources: sources, ["CROSS_COMPILE=arm-none-eabi-", "CPU=\(cpu)"])
            #expect(status == 0, "\(cpu): \(messages)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("libdigits_cnn.a").path))
        }
        let (status, messages) = try Self.make(dir, sources: sources, ["CROSS_COMPILE=arm-none-eabi-", "FLOAT_ABI=softfp"])
        #expect(status == 0, "softfp: \(messages)")
    }

    @Test(.enabled(if: onPath("make"), "make not installed"), arguments: ["gcc", "clang"])
    func hostCompilers(_ compiler: String) throws {
        guard Self.onPath(compiler) else { return }
        let (dir, sources) = try Self.library()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, messages) = try Self.make(dir, sources: sources, ["CC=\(compiler)"])
        #expect(status == 0, "\(compiler): \(messages)")
    }

    @Test(.enabled(if: onPath("cmake") && onPath("arm-none-eabi-gcc"), "cmake or arm-none-eabi-gcc not installed"))
    func cmakeWithTheEmittedToolchainFile() throws {
        let (dir, _) = try Self.library()
        defer { try? FileManager.default.removeItem(at: dir) }
        for cpu in ["cortex-m4", "cortex-m55"] {
            let build = "build-\(cpu)"
            let (configured, log) = try Self.run("cmake", ["-S", ".", "-B", build, "-DCMAKE_TOOLCHAIN_FILE=arm-none-eabi.cmake",
                                                         "-DMCUC_CPU=\(cpu)", "-DCMAKE_C_FLAGS=-Werror"], in: dir)
            #expect(configured == 0, "\(cpu): \(log)")
            let (built, messages) = try Self.run("cmake", ["--build", build], in: dir)
            #expect(built == 0, "\(cpu): \(messages)")
        }
    }
}
