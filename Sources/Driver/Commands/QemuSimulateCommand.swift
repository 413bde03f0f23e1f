import CodeGen
import Foundation
import IR
import Simulator

extension Commands {
    /// `mcuc simulate MODEL --on qemu [--core C]`: the emitted C built with arm-none-eabi-gcc for
    /// the core, run under QEMU on N seeded inputs, every traced tensor compared with the
    /// reference, instructions counted per step, Flash and SRAM read from the ELF.
    static func simulateOnQemu(_ options: SimulateCommandOptions, target: Target,
                               platform: QemuPlatform) -> CommandOutput {
        CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let (planned, build) = try Pipeline.qemuBuild(try ModelFile.load(path: options.model), modelPath: options.model,
                                                          options: PipelineOptions(target: target, externalIO: options.externalIO,
                                                                                   io: options.io)
                                                              .with(options.patching, sramBudget: target.sramBudget)
                                                              .placing(in: target),
                                                          platform: platform, programs: Set(QemuProgram.allCases))
            defer { Pipeline.cleanup(build.directory) }
            let inputs = RandomInputs.sets(for: planned.graph, count: options.inputs, seed: options.seed)
            let result = try Simulator.simulateOnQemu(graph: planned.graph, build: build, inputs: inputs)
            let footprint = try build.footprint()
            let report = try qemuReport(options, target: target, planned: planned, build: build, result: result,
                                        footprint: footprint)
            if let path = options.svgPath {
                try FileOutput.write(Array(ProfileSVG.render(report).utf8), to: path)
            }
            let text = options.json ? JSONOutput.encode(report) : ProfileText.render(report, platform: platform)
            return CommandOutput(stdout: text, exitCode: report.passed ? 0 : 1)
        }
    }

    static func qemuReport(_ options: SimulateCommandOptions, target: Target, planned: PlannedModel, build: QemuBuild,
                           result: QemuSimulationReport, footprint: MemoryFootprint) throws(CompileError) -> SimulateReport {
        let sim = result.simulation
        var memory = ModelMemory(footprint, cpu: build.options.platform.cpu)
        memory.callerBufferBytes = ModelMemory.callerBuffers(planned)
        var report = SimulateReport(
            model: options.model, engine: "qemu", target: target.name, inputs: options.inputs, seed: options.seed,
            bit_exact: sim.bitExact, tensors_compared: sim.tensorsCompared,
            mismatching_inferences: Set(sim.mismatches.map(\.inference)).count,
            mismatches: sim.mismatches.map(SimulateReport.MismatchEntry.init),
            peak_arena_bytes_measured: sim.peakArenaBytesMeasured, arena_bytes_planned: sim.arenaBytesPlanned,
            arena_guard_intact: sim.arenaGuardIntact,
            flash_bytes: .init(weights: footprint.constantBytes, code: footprint.codeBytes,
                               constants: footprint.constantBytes, exact: true, library_code: footprint.libraryCodeBytes),
            sram_bytes: SRAMBytes(memory))
        report.core = build.options.platform.cpu
        report.machine = build.options.platform.core.machine
        report.macs = planned.graph.totalMACs
        report.stack_measured_bytes = result.measuredStackBytes
        report.counted_function = result.countedFunction
        if let first = result.profiles.first {
            guard first.steps.count == planned.kernels.calls.count else {
                throw CompileError(.mismatch, "the profile has \(first.steps.count) steps, the model \(planned.kernels.calls.count)")
            }
            report.instructions = first.total
            report.instructions_per_inference = result.profiles.map(\.total)
            report.layers = ProfileLayer.layers(planned, profile: first)
            report.before_steps_instructions = first.prologue
            report.after_steps_instructions = first.epilogue
        }
        return report
    }
}

extension SimulateReport.MismatchEntry {
    init(_ m: Mismatch) {
        self.init(inference: m.inference, tensor: m.tensor.index, name: DisplayText.escaped(m.tensorName),
                  op_index: m.node?.index, op_name: m.opName, element: m.element, ours: m.ours, reference: m.reference)
    }
}
