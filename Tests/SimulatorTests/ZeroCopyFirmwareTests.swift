import CodeGen
import Driver
import Foundation
import IR
import Reference
import Testing
import TestSupport

/// Zero-copy I/O as firmware uses it (`Firmware/zero_copy_main.c`): the application owns only the
/// arena, writes the inputs at `net_input(arena, i)` and reads the outputs at `net_output(arena, i)`.
/// On the host the results equal the reference bit for bit (and so does `net_invoke` with the
/// application's own buffers); linked for a Cortex-M4, the program's `.data` + `.bss` is exactly
/// the SRAM `mcuc fit` reports.
@Suite struct ZeroCopyFirmwareTests {
    static var mainFile: String {
        SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/zero_copy_main.c").path
    }

    /// The example, a float-I/O fixture, and with the shared models two real networks and an LSTM
    /// (its state is static storage: the linked `.bss` must hold it, and fit must count it).
    static var models: [String] {
        let root = SharedModels.repositoryRoot
        var paths = [root.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path,
                     root.appendingPathComponent("Tests/Fixtures/ops/multi_002_float_io_quant_conv_dequant.tflite").path]
        if SharedModels.available {
            paths += ["mlperf_vww_mbv1_96.tflite", "mlperf_kws_dscnn.tflite", "tflm_micro_speech_lstm.tflite"]
                .map(SharedModels.path)
        }
        return paths
    }

    /// The model compiled with prefix `net` (for `target`'s memory regions, if given) into a fresh folder.
    static func compile(_ path: String, target: Target? = nil) throws -> (PlannedModel, GeneratedSources, URL) {
        let options = target.map { PipelineOptions().placing(in: $0) } ?? PipelineOptions()
        let planned = try Pipeline.plan(try HostTesting.load(path), options: options)
        let sources = try Pipeline.generate(planned, modelPath: path, prefix: "net")
        let directory = HostTesting.scratch("firmware")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in sources.files { try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name)) }
        return (planned, sources, directory)
    }

    /// `-DIN_SIZES={64}` and `-DOUT_SIZES={10}` (a 0 for a graph without inputs or outputs).
    static func sizeDefines(_ sources: GeneratedSources) -> [String] {
        func list(_ tensors: [InterfaceTensor]) -> String {
            "{" + (tensors.isEmpty ? "0" : tensors.map { String($0.bytes) }.joined(separator: ",")) + "}"
        }
        return ["-DIN_SIZES=\(list(sources.inputs))", "-DOUT_SIZES=\(list(sources.outputs))"]
    }

    /// `net_invoke((const int8_t *)ins[0], ..., (float *)outs[0], arena)` for `-DUSE_INVOKE`.
    static func invokeCall(_ sources: GeneratedSources) -> String {
        func ctype(_ t: InterfaceTensor) -> String { t.type == .float32 ? "float" : "int8_t" }
        let args = sources.inputs.enumerated().map { "(const \(ctype($0.element)) *)ins[\($0.offset)]" }
            + sources.outputs.enumerated().map { "(\(ctype($0.element)) *)outs[\($0.offset)]" } + ["ARENAS"]
        return "-DNET_INVOKE_CALL=net_invoke(\(args.joined(separator: ",")))"
    }

    /// Runs `executable` in `directory` with `stdin`; output goes through files (no pipe fills up).
    static func run(_ executable: String, _ arguments: [String], in directory: URL, stdin: Data = Data()) throws
        -> (status: Int32, stdout: Data, stderr: String) {
        let id = UUID().uuidString
        let (input, output, errors) = (directory.appendingPathComponent("stdin-\(id)"),
                                       directory.appendingPathComponent("stdout-\(id)"),
                                       directory.appendingPathComponent("stderr-\(id)"))
        try stdin.write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = directory
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: output),
                String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    static func cFiles(_ sources: GeneratedSources) -> [String] { [mainFile] + sources.librarySources }

    @Test(arguments: models)
    func inArenaPointersGiveTheReferenceResults(_ path: String) throws {
        try Self.expectReferenceResults(path, target: nil)
    }

    /// Builds the host program both ways (in-arena pointers, `net_invoke` with its own buffers)
    /// and compares two inputs' outputs with the reference.
    static func expectReferenceResults(_ path: String, target: Target?) throws {
        let (planned, sources, directory) = try Self.compile(path, target: target)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flags = ["-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-DHOST", "-I", "."] + Self.sizeDefines(sources)
        for (program, extra) in [("fw_in_arena", [String]()), ("fw_invoke", ["-DUSE_INVOKE", Self.invokeCall(sources)])] {
            let build = try Self.run("cc", flags + extra + Self.cFiles(sources) + ["-o", program, "-lm"], in: directory)
            try #require(build.status == 0, "\(build.stderr)")
        }
        for values in HostTesting.inputs(for: planned.graph).prefix(2) {
            let expected = try Reference.run(planned.graph, inputs: values)
            let want = planned.graph.outputs.flatMap { expected[$0]!.bytes }
            let stdin = Data(values.flatMap(\.bytes))
            for program in ["./fw_in_arena", "./fw_invoke"] {
                let result = try Self.run(program, [], in: directory, stdin: stdin)
                #expect(result.status == 0, "\(program): \(result.stderr)")
                #expect([UInt8](result.stdout) == want, "\(program) on \(path) differs from the reference")
            }
        }
    }

    @Test(.enabled(if: HostTesting.onPath("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed"), arguments: models)
    func linkedFirmwareNeedsExactlyTheSRAMFitReports(_ path: String) throws {
        let (planned, sources, directory) = try Self.compile(path)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = Commands.fit(FitCommandOptions(model: path, target: "nucleo-l4r5zi", json: true))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
        let verdict = try #require((report["targets"] as? [[String: Any]])?.first)
        let reported = try #require(verdict["sram_used_bytes"] as? Int)
        let parts = try #require(verdict["sram_bytes"] as? [String: Any])
        let stack = try #require(parts["stack"] as? Int)
        #expect(report["external_io"] as? Bool == false)

        let script = SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/cortex_m.ld").path
        let flags = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-std=c99", "-O2", "-Wall",
                     "-Wextra", "-Werror", "-ffunction-sections", "-fdata-sections", "-nostartfiles", "-Wl,--gc-sections",
                     "-T", script, "-specs=nano.specs", "-I", "."] + Self.sizeDefines(sources)
        let link = try Self.run("arm-none-eabi-gcc", flags + Self.cFiles(sources) + ["-o", "fw.elf", "-lm"], in: directory)
        try #require(link.status == 0, "\(link.stderr)")
        let size = try Self.run("arm-none-eabi-size", ["-A", "fw.elf"], in: directory)
        let ram = Self.ramSections(String(decoding: size.stdout, as: UTF8.self))
        let measured = ram.values.reduce(0, +)
        let state = planned.memory.stateBytes
        // The model's 4-byte-aligned state array follows the application's arena in .bss: the
        // linker pads the arena's end to that alignment (bytes the application's layout costs).
        let padding = state > 0 ? (4 - sources.arenaBytes % 4) % 4 : 0
        #expect(measured - padding + stack == reported,
                "\(path): the linked program occupies \(measured) bytes of SRAM (\(ram), \(padding) of padding) + a \(stack)-byte stack, fit says \(reported)")
        #expect(measured == sources.arenaBytes + padding + state,
                "no static data but the model's state, no I/O buffer beside the arena")
        #expect(stack > 0 && parts["arena"] as? Int == sources.arenaBytes && parts["static"] as? Int == state)
        #expect(parts["state"] as? Int == state)
    }

    /// Sizes of the sections `arm-none-eabi-size -A` lists inside the RAM of `cortex_m.ld`
    /// (0x20000000, 640 KiB), by name.
    static func ramSections(_ listing: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3, let size = Int(fields[1]), let address = Int(fields[2]) else { continue }
            if address >= 0x2000_0000 && address < 0x2000_0000 + 640 * 1024 { result[String(fields[0]), default: 0] += size }
        }
        return result
    }
}
