import CodeGen
import Foundation
import IR

/// What one QEMU run of a program produced.
public struct QemuRun: Sendable {
    /// Outputs, traces (check program), status and arena measurements, as the host harness reports them.
    public var harness: HarnessRun
    /// Instructions of each inference (profile program only; empty otherwise).
    public var profiles: [InstructionProfile]
    /// The function the profiles count: `<prefix>_run` (zero-copy) or `<prefix>_invoke` (profile program only).
    public var countedFunction: String?
    /// The deepest stack the model's entry function used in any inference, measured by painting the stack.
    public var stackBytes: Int
}

extension QemuBuild {
    /// Runs `program` on `inputs` (one array of graph-input values per inference) under QEMU with
    /// semihosting, counting instructions in the profile program.
    ///
    /// `measureArena`: the arena starts from a pattern and the first input runs twice, so the
    /// bytes it touches are measured. Throws `.mismatch` when the guest faults, the harness fails
    /// or QEMU runs past the timeout; `.toolMissing` without QEMU.
    public func run(_ program: QemuProgram, inputs: [[TensorValue]], measureArena: Bool = false) throws(CompileError) -> QemuRun {
        precondition(programs.contains(program), "the \(program.rawValue) program was not built")
        let toolchain = try CrossToolchain.locate(qemu: true)
        let work = directory.appendingPathComponent("run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let flags: UInt32 = (program == .check ? 1 : 0) | (measureArena ? 2 : 0)
        var header = Array("MCUQ".utf8)
        for word in [UInt32(inputs.count), flags] { withUnsafeBytes(of: word.littleEndian) { header += $0 } }
        let bytes = header + (try HostBuild.serialize(inputs, for: sources))
        try QemuBuild.write([], to: work)
        do {
            try Data(bytes).write(to: work.appendingPathComponent("mcuc_in.bin"))
        } catch {
            throw CompileError(.badInput, "cannot write the QEMU input file: \(error.localizedDescription)")
        }
        var arguments = ["-M", options.platform.core.machine, "-display", "none", "-monitor", "none", "-serial", "null",
                         "-semihosting-config", "enable=on,target=native", "-kernel", elf(program).path]
        let markers = program == .profile ? try ProfileMarkers.find(in: self) : nil
        if let markers {
            let plugin = try QemuPlugin.library(toolchain: toolchain)
            arguments += ["-plugin", "\(plugin.path),out=counts.txt" + markers.pluginArguments]
        }
        let result = try ProcessRunner.run(toolchain.qemu, arguments, in: work, timeout: options.timeout)
        try check(result, program: program)
        let console = Self.console(result.stdout + "\n" + result.stderr)
        let harness = HarnessRun(
            outputs: HostBuild.split(Self.read(work, "mcuc_out.bin"), records: inputs.count,
                                     tensors: sources.outputs.map { ($0.type, $0.shape) }),
            traces: program == .check ? HostBuild.traces(Self.read(work, "mcuc_trace.bin"),
                                                         records: console["status"] == 0 ? inputs.count : 0,
                                                         points: sources.tracePoints) : [],
            status: Int32(clamping: console["status"] ?? -1), arenaTouched: console["arena_touched"] ?? 0,
            guardIntact: console["guard_ok"] == 1, nanosecondsPerInference: nil)
        var profiles: [InstructionProfile] = []
        if markers != nil, harness.status == 0 {
            let text = String(decoding: Self.read(work, "counts.txt"), as: UTF8.self)
            profiles = try InstructionProfile.parse(ProfileMarkers.events(text))
            guard profiles.count == inputs.count else {
                throw CompileError(.mismatch, "the plugin counted \(profiles.count) inferences of \(inputs.count)")
            }
        }
        return QemuRun(harness: harness, profiles: profiles, countedFunction: markers?.entryName,
                       stackBytes: console["stack_bytes"] ?? 0)
    }

    /// Throws the one-line error for a run that timed out, faulted or failed.
    func check(_ result: ProcessRunner.Result, program: QemuProgram) throws(CompileError) {
        let core = options.platform.core
        if result.timedOut {
            throw CompileError(.mismatch, "QEMU (\(core.displayName)) did not finish the \(program.rawValue) program "
                + "within \(Int(options.timeout)) s: the guest hangs or loops")
        }
        let lines = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
        switch result.status {
        case 0:
            return
        case 70:
            let pc = lines.first { $0.hasPrefix("mcuc: fault pc ") }.flatMap { UInt64($0.dropFirst(17), radix: 16) }
            let place = pc.flatMap { try? symbolize($0, program: program) } ?? "an unknown place"
            throw CompileError(.mismatch, "the \(program.rawValue) program faulted on \(core.displayName) in \(place): "
                + lines.filter { $0.hasPrefix("mcuc:") }.map { $0.dropFirst(6) }.joined(separator: ", "))
        default:
            throw CompileError(.mismatch, "QEMU (\(core.displayName)) exited with status \(result.status) running the "
                + "\(program.rawValue) program: " + lines.prefix(4).joined(separator: " / "))
        }
    }

    /// `mcuc_conv2d_s8+0x24` for a code address of `program`.
    func symbolize(_ address: UInt64, program: QemuProgram) throws(CompileError) -> String? {
        try ElfSymbols.read(elf(program), toolchain: toolchain).describe(address)
    }

    /// `name value` lines of the harness's console output, as integers.
    static func console(_ text: String) -> [String: Int] {
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }

    static func read(_ directory: URL, _ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))) ?? []
    }
}
