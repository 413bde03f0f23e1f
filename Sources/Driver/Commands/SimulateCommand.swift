import CodeGen
import Foundation
import IR
import Simulator

/// Options of `mcuc simulate`.
public struct SimulateCommandOptions: Sendable, Equatable {
    public var model: String
    public var target: String?
    /// Number of seeded random input sets.
    public var inputs: Int
    public var seed: UInt64
    public var json: Bool
    public var externalIO: Bool
    /// Where the emitted C runs.
    public var platform: SimulationPlatform
    /// `--io`: int8 or the model's own types at the graph boundary.
    public var io: IOMode
    /// `--patch`, `--input-streaming`, `--max-mac-overhead`.
    public var patching: PatchingOptions
    /// The qemu platform's core (nil: the target's).
    public var core: CortexMCore?
    /// Where to draw the instruction profile (qemu platform).
    public var svgPath: String?
    /// Flash and SRAM from the ELF (when the toolchain is installed) or always estimated (host platform).
    public var memory: MemorySource

    public init(model: String, target: String? = nil, inputs: Int = 5, seed: UInt64 = 0, json: Bool = false,
                externalIO: Bool = false, platform: SimulationPlatform = .host, io: IOMode = .model,
                patching: PatchingOptions = PatchingOptions(), core: CortexMCore? = nil, svgPath: String? = nil,
                memory: MemorySource = .measure) {
        self.patching = patching
        self.io = io
        self.memory = memory
        self.core = core
        self.svgPath = svgPath
        self.model = model
        self.target = target
        self.inputs = inputs
        self.seed = seed
        self.json = json
        self.externalIO = externalIO
        self.platform = platform
    }
}

/// What `mcuc simulate --json` prints (`"version": 1`).
public struct SimulateReport: Sendable, Encodable {
    /// Flash of the model: `constants` (equal to `weights`, kept for older readers) and `code`,
    /// read from the ELF of the model built for the core when `exact`, else estimated.
    public struct Flash: Sendable, Encodable {
        public var weights: Int
        public var code: Int
        public var constants: Int
        public var exact: Bool
        /// C library and libgcc code the model reaches (memcpy, division helpers), when exact.
        public var library_code: Int?
    }


    public struct MismatchEntry: Sendable, Encodable {
        public var inference: Int
        public var tensor: Int
        public var name: String
        public var op_index: Int?
        public var op_name: String?
        public var element: Int
        public var ours: String
        public var reference: String
    }

    public var version = 1
    public var model: String
    public var engine = "host"
    public var target: String
    public var inputs: Int
    public var seed: UInt64
    public var bit_exact: Bool
    public var tensors_compared: Int
    /// Inferences with at least one difference.
    public var mismatching_inferences: Int
    /// The first difference of each such inference (the first 100 of them).
    public var mismatches: [MismatchEntry]
    public var peak_arena_bytes_measured: Int
    public var arena_bytes_planned: Int
    public var arena_guard_intact: Bool
    public var flash_bytes: Flash
    public var sram_bytes: SRAMBytes?
    public var run_time_us_per_inference: Double?
    /// The qemu platform: the code's `-mcpu`, the QEMU machine, the function counted
    /// (`<prefix>_run` in zero-copy mode, `<prefix>_invoke` with `--external-io`), its
    /// instructions for the first input and for each input, the model's MACs, one entry per step,
    /// and the instructions outside the steps (frame set-up and return; with `_invoke` also the
    /// input and output copies).
    public var core: String?
    public var machine: String?
    public var counted_function: String?
    public var instructions: Int?
    public var instructions_per_inference: [Int]?
    public var macs: Int?
    public var layers: [ProfileLayer]?
    public var before_steps_instructions: Int?
    public var after_steps_instructions: Int?
    /// The deepest stack painted on the guest (profiling build; the harness's glue frame
    /// included), next to the call-graph bound in `sram_bytes`.
    public var stack_measured_bytes: Int?

    /// True when the C matched the reference and stayed inside the planned arena.
    public var passed: Bool { bit_exact && arena_guard_intact && peak_arena_bytes_measured <= arena_bytes_planned }
}

extension Commands {
    /// `mcuc simulate MODEL [--target NAME] [--inputs N] [--seed S] [--json]`: N seeded random
    /// inputs through the emitted C (host build) and the reference. Exit 1 on any mismatch or a
    /// write outside the planned arena.
    public static func simulate(_ options: SimulateCommandOptions) -> CommandOutput {
        let target: Target, platform: QemuPlatform
        do throws(UsageError) {
            target = try TargetCatalog.resolve(options.target)
            guard options.inputs >= 1 else { throw UsageError("--inputs must be at least 1") }
            guard options.platform == .qemu || (options.core == nil && options.svgPath == nil) else {
                throw UsageError("--core and --svg need --on qemu")
            }
            platform = try QemuTargeting.platform(core: options.core, target: target, targetGiven: options.target != nil)
        } catch {
            return usageFailure(error)
        }
        if options.platform == .qemu {
            return simulateOnQemu(options, target: QemuTargeting.planningTarget(target, on: platform), platform: platform)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: options.model)
            let (planned, build) = try Pipeline.hostBuild(graph, modelPath: options.model,
                                                          options: PipelineOptions(target: target,
                                                                                   externalIO: options.externalIO,
                                                                                   io: options.io)
                                                            .with(options.patching, sramBudget: target.sramBudget).placing(in: target))
            defer { Pipeline.cleanup(build.directory) }
            let result = try BatchedSimulation.run(graph: planned.graph, build: build, count: options.inputs,
                                                   seed: options.seed, timingRepeats: 1000)
            let memory = try Pipeline.memory(planned, sources: build.sources, target: target, source: options.memory)
            let report = SimulateReport(
                model: options.model, target: target.name, inputs: options.inputs, seed: options.seed,
                bit_exact: result.bitExact, tensors_compared: result.tensorsCompared,
                mismatching_inferences: result.mismatchingInferences,
                mismatches: result.mismatches.map(SimulateReport.MismatchEntry.init),
                peak_arena_bytes_measured: result.peakArenaBytesMeasured, arena_bytes_planned: result.arenaBytesPlanned,
                arena_guard_intact: result.arenaGuardIntact,
                flash_bytes: .init(weights: result.constantBytes, code: memory.codeBytes, constants: memory.constantBytes,
                                   exact: memory.exact, library_code: memory.libraryCodeBytes),
                sram_bytes: SRAMBytes(memory),
                run_time_us_per_inference: result.nanosecondsPerInference.map { ($0 / 100).rounded() / 10 })
            let text = options.json ? JSONOutput.encode(report) : simulateText(report, compiler: build.options.compiler)
            return CommandOutput(stdout: text, exitCode: report.passed ? 0 : 1)
        }
    }

    static func simulateText(_ r: SimulateReport, compiler: String) -> String {
        var text = "simulated \(DisplayText.escaped(r.model)) on the host (\(compiler) -O2), "
            + "\(r.inputs) seeded random input\(r.inputs == 1 ? "" : "s") (seed \(r.seed)), target \(r.target)\n"
        text += verdictText(r)
        let f = r.flash_bytes
        text += "flash: constants \(Grouped.text(f.constants)) bytes, code "
            + (f.exact ? "\(Grouped.text(f.code)) bytes (from the ELF)" : "about \(Grouped.text(f.code)) bytes (estimate)") + "\n"
        if let sram = r.sram_bytes { text += MemoryText.sram(sram) + "\n" }
        if let us = r.run_time_us_per_inference { text += "host run time: \(us) us per inference\n" }
        return text
    }

    /// The bit-exactness and arena lines of both platforms.
    static func verdictText(_ r: SimulateReport) -> String {
        var text = ""
        if r.bit_exact {
            text += "bit-exact: yes, \(r.tensors_compared) tensors equal the reference\n"
        } else {
            text += "bit-exact: NO, \(r.mismatching_inferences) of \(r.inputs) inferences differ\n"
            for m in r.mismatches.prefix(5) {
                let op = m.op_index.map { "op \($0) (\(m.op_name ?? "?"))" } ?? "no op"
                text += "  inference \(m.inference): tensor \(m.tensor) '\(m.name)' written by \(op), element \(m.element): "
                    + "C \(m.ours), reference \(m.reference)\n"
            }
        }
        let guardText = r.arena_guard_intact ? "no write outside the arena" : "WROTE OUTSIDE THE ARENA"
        text += "arena: peak \(Grouped.text(r.peak_arena_bytes_measured)) bytes measured of "
            + "\(Grouped.text(r.arena_bytes_planned)) planned; \(guardText)\n"
        return text
    }
}
