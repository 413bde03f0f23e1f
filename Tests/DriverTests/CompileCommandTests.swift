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

    @Test(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
    func unsupportedModelsNameTheOp() {
        let output = Commands.compile(CompileCommandOptions(model: SharedModels.path("tflm_mnist_lstm.tflite"),
                                                           outputDirectory: "/nonexistent/never-written"))
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM)"))
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
