import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `mcuc compile`, `mcuc simulate` and `mcuc run --engine host` end to end on the bundled example.
@Suite struct CompileCommandTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-compile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func compileWritesTheLibraryAndPrintsTheMemorySummary() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: dir + "/c", prefix: "digits"))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/c")
        for name in ["digits.h", "digits.c", "digits_weights.c", "CMakeLists.txt", "Makefile", "README.txt"] {
            #expect(files.contains(name), "\(name) missing")
        }
        #expect(output.stdout.contains("wrote \(files.count) files to \(dir)/c"))
        #expect(output.stdout.contains("arena "))
        #expect(output.stdout.contains("fits nucleo-l4r5zi"))
    }

    @Test func badPrefixAndTargetAreUsageErrors() {
        let prefix = Commands.compile(CompileCommandOptions(model: Self.example, prefix: "not valid"))
        #expect(prefix.exitCode == 2)
        #expect(prefix.stderr.hasPrefix("error: --prefix"))
        let target = Commands.compile(CompileCommandOptions(model: Self.example, target: "no-such-board"))
        #expect(target.exitCode == 2)
    }

    /// Each prefix error names the rule it breaks.
    @Test func prefixErrorsNameTheRule() {
        let cases = [("main", "already uses"), ("memcpy", "already uses"), ("mcuc", "already uses"), ("int", "C keyword"),
                     ("mcuc_x", "mcuc_"), ("9lives", "start with a letter"), ("a-b", "not a C identifier"),
                     (String(repeating: "a", count: 41), "longer than 40")]
        for (prefix, rule) in cases {
            let output = Commands.compile(CompileCommandOptions(model: Self.example, prefix: prefix))
            #expect(output.exitCode == 2)
            #expect(output.stderr.contains(rule), "\(prefix): \(output.stderr)")
        }
    }

    /// `<prefix>.h` never takes a standard header's name: with `--prefix stdint` (or a model named
    /// stdint.tflite) the files are `stdint_model.*`, the C names stay `stdint_*`, and the library
    /// builds with the folder on the include path, on the host and for Cortex-M.
    @Test func prefixNamedLikeAStandardHeaderStillBuilds() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let named = dir + "/stdint.tflite"
        try FileManager.default.copyItem(atPath: Self.example, toPath: named)
        for (options, folder) in [(CompileCommandOptions(model: Self.example, outputDirectory: dir + "/a", prefix: "stdint"), "a"),
                                  (CompileCommandOptions(model: named, outputDirectory: dir + "/b"), "b"),
                                  (CompileCommandOptions(model: Self.example, outputDirectory: dir + "/c", prefix: "String"), "c")] {
            let output = Commands.compile(options)
            #expect(output.exitCode == 0, "\(output.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/\(folder)")
            #expect(!files.contains { ["stdint.h", "string.h", "String.h"].contains($0) }, "\(files)")
            for compiler in ["gcc", "arm-none-eabi-gcc"] where ExternalTools.onPath(compiler) {
                let flags = compiler == "gcc" ? [] : ["-mcpu=cortex-m4", "-mthumb"]
                let sources = files.filter { $0.hasSuffix(".c") }
                let status = try ExternalTools.run(compiler, ["-std=c99", "-Wall", "-Wextra", "-Werror", "-I.", "-c"]
                                                     + flags + sources, in: "\(dir)/\(folder)")
                #expect(status == 0, "\(compiler) in \(folder)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/a/stdint_model.h"))
        let header = try String(contentsOfFile: dir + "/a/stdint_model.h", encoding: .utf8)
        #expect(header.contains("int stdint_invoke("))
    }

    /// A model that does not fit warns (exit 0); `--require-fit` makes it an error and writes nothing.
    @Test func notFittingWarnsOrFails() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let warned = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: dir + "/w", sram: "33K"))
        #expect(warned.exitCode == 0)
        #expect(warned.stderr.hasPrefix("warning: ") && warned.stderr.contains("does not fit"))
        let fitting = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: dir + "/f"))
        #expect(fitting.stderr.isEmpty)
        let failed = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: dir + "/e", sram: "33K",
                                                            requireFit: true))
        #expect(failed.exitCode == 1 && failed.stderr.hasPrefix("error: ") && failed.stderr.contains("--require-fit"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/e"))
    }

    /// The library replaces the previous one whole: stale runtime files go, a failed compile
    /// leaves the previous library as it was, the application's own files stay, and no staging
    /// folder is left behind.
    @Test func outputFolderIsReplacedWhole() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/lib"
        #expect(Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: out)).exitCode == 0)
        let first = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/mcuc_stale.c"))
        #expect(Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: out)).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == first)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/digits_cnn.c"))
        let failed = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: out, sram: "33K",
                                                            requireFit: true))
        #expect(failed.exitCode == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/digits_cnn.c")) == before)
        try Data("int app;".utf8).write(to: URL(fileURLWithPath: out + "/main.c"))
        #expect(Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: out)).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/main.c"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["lib"])
    }

    @Test func unsupportedModelsNameTheOp() {
        let output = Commands.compile(CompileCommandOptions(model: ModelCorpus.refusedFixturePath,
                                                           outputDirectory: "/nonexistent/never-written"))
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM)"))
        #expect(output.stderr.contains("int16 activations not supported"))
    }

    @Test func simulateReportsBitExactnessAndTheArenaAsJSON() throws {
        let output = Commands.simulate(SimulateCommandOptions(model: Self.example, inputs: 5, seed: 7, json: true))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["engine"] as? String == "host")
        #expect(json["target"] as? String == "nucleo-l4r5zi")
        #expect(json["inputs"] as? Int == 5)
        #expect(json["bit_exact"] as? Bool == true)
        #expect((json["mismatches"] as? [Any])?.isEmpty == true)
        let measured = try #require(json["peak_arena_bytes_measured"] as? Int)
        #expect(measured == json["arena_bytes_planned"] as? Int)
        let flash = try #require(json["flash_bytes"] as? [String: Any])
        #expect((flash["weights"] as? Int ?? 0) > 0 && (flash["code"] as? Int ?? 0) > 0)
    }

    @Test func simulateText() {
        let output = Commands.simulate(SimulateCommandOptions(model: Self.example, inputs: 1))
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.contains("bit-exact: yes"))
        #expect(output.stdout.contains("no write outside the arena"))
        #expect(Commands.simulate(SimulateCommandOptions(model: Self.example, inputs: 0)).exitCode == 2)
    }

    @Test func hostEngineEqualsTheReferenceEngineTensorForTensor() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        let host = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/host.npy"], engine: .host,
                                dumpTensors: dir + "/host")
        #expect(host.exitCode == 0, "\(host.stderr)")
        let reference = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/ref.npy"], engine: .reference,
                                     dumpTensors: dir + "/ref")
        #expect(reference.exitCode == 0)
        let read = { (path: String) in try Data(contentsOf: URL(fileURLWithPath: path)) }
        #expect(try read(dir + "/host.npy") == read(dir + "/ref.npy"))
        let dumped = try FileManager.default.contentsOfDirectory(atPath: dir + "/host").sorted()
        #expect(dumped.count == 11)
        for name in dumped {
            #expect(try read(dir + "/host/" + name) == read(dir + "/ref/" + name), "\(name)")
        }
    }
}
