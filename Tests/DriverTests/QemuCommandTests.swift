import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `mcuc simulate --on qemu` and `mcuc run --engine qemu` end to end on the bundled example:
/// the JSON keys the README documents, repeatable counts, the SVG, outputs equal to the
/// reference, usage errors, and a missing toolchain as one line naming the packages.
@Suite(.enabled(if: QemuTools.installed, "arm-none-eabi-gcc or qemu-system-arm not installed"))
struct QemuCommandTests {
    static var example: String { RunCommandTests.example }

    static func simulate(_ extra: (inout SimulateCommandOptions) -> Void = { _ in }) -> CommandOutput {
        var options = SimulateCommandOptions(model: example, inputs: 2, platform: .qemu, core: .m4)
        extra(&options)
        return Commands.simulate(options)
    }

    @Test func jsonCarriesTheDocumentedKeys() throws {
        let output = Self.simulate { $0.json = true }
        #expect(output.exitCode == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["engine"] as? String == "qemu" && json["core"] as? String == "cortex-m4")
        #expect(json["machine"] as? String == "mps2-an386" && json["bit_exact"] as? Bool == true)
        let instructions = try #require(json["instructions"] as? Int)
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(layers.count == 10 && instructions > 0)
        for key in ["step", "op", "kernel", "macs", "instructions"] { #expect(layers.allSatisfy { $0[key] != nil }, "\(key)") }
        let steps = layers.compactMap { $0["instructions"] as? Int }.reduce(0, +)
        let copies = (json["before_steps_instructions"] as? Int ?? -1) + (json["after_steps_instructions"] as? Int ?? -1)
        #expect(steps + copies == instructions)
        #expect(json["counted_function"] as? String == "digits_cnn_run")
        let flash = try #require(json["flash_bytes"] as? [String: Any])
        #expect(flash["exact"] as? Bool == true && (flash["code"] as? Int ?? 0) > 0 && (flash["constants"] as? Int ?? 0) > 0)
        let sram = try #require(json["sram_bytes"] as? [String: Any])
        for key in ["arena", "static", "stack"] { #expect(sram[key] is Int, "\(key)") }
    }

    /// With the caller's buffers the harness calls `_invoke`, which copies the I/O: it is counted.
    @Test func externalIOCountsTheInvokeFunction() throws {
        let output = Self.simulate { $0.json = true; $0.externalIO = true }
        #expect(output.exitCode == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["counted_function"] as? String == "digits_cnn_invoke" && json["bit_exact"] as? Bool == true)
    }

    @Test func theSameCommandTwicePrintsTheSameCounts() {
        let first = Self.simulate(), second = Self.simulate()
        #expect(first.exitCode == 0 && first.stdout == second.stdout, "\(first.stderr)")
        #expect(first.stdout.contains("instructions per inference") && first.stdout.contains("MACs/instr"))
    }

    @Test func drawsTheProfileAsSVG() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-profile-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Self.simulate { $0.svgPath = path }
        #expect(output.exitCode == 0, "\(output.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.components(separatedBy: "<rect").count - 1 == 20)
    }

    @Test func runEqualsTheReferenceAndCountsInstructions() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        for core in [QemuCore.m0, .m55] {
            let qemu = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/q.npy"], engine: .qemu,
                                    dumpTensors: dir + "/qd", core: core)
            #expect(qemu.exitCode == 0 && qemu.stdout.contains("instructions") == false, "\(qemu.stderr)")
            let reference = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/r.npy"],
                                         engine: .reference, dumpTensors: dir + "/rd")
            #expect(reference.exitCode == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/q.npy")) == Data(contentsOf: URL(fileURLWithPath: dir + "/r.npy")))
            for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/rd") {
                #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/qd/" + name))
                        == Data(contentsOf: URL(fileURLWithPath: dir + "/rd/" + name)), "\(core) \(name)")
            }
        }
        let counted = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/q.npy"], engine: .qemu,
                                   dumpTensors: nil)
        #expect(counted.exitCode == 0 && counted.stdout.contains("instructions"), "\(counted.stderr)")
    }

    @Test func contradictoryOrMisplacedOptionsAreUsageErrors() {
        #expect(Self.simulate { $0.target = "corstone300"; $0.core = .m7 }.exitCode == 2)
        #expect(Self.simulate { $0.platform = .host }.exitCode == 2)
        #expect(Commands.run(model: Self.example, inputs: [], outputs: [], engine: .host, dumpTensors: nil, core: .m4).exitCode == 2)
    }

    @Test(.enabled(if: InstalledBinaryTests.builtBinary != nil, "the mcuc executable is not built next to the tests"))
    func aMissingToolchainIsOneLineNamingThePackages() throws {
        let process = Process()
        guard let binary = InstalledBinaryTests.builtBinary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = ["simulate", Self.example, "--on", "qemu"]
        process.environment = ["PATH": "/nonexistent"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.filter { $0 == "\n" }.count == 1 && text.contains("gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm"),
                "\(text)")
    }
}

/// Whether the qemu engine's tools are on PATH.
enum QemuTools {
    static var installed: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return ["arm-none-eabi-gcc", "qemu-system-arm"].allSatisfy { tool in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
        }
    }
}
