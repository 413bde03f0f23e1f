import CodeGen
import IR
import Simulator

extension Commands {
    /// One inference through the emitted C built for `platform` and run under QEMU: the outputs,
    /// the instructions of invoke (nil when tracing), and (when `trace`) every activation, as
    /// `runHost` returns them.
    static func runQemu(_ graph: Graph, model: String, inputs: [TensorValue], trace: Bool, options: PipelineOptions,
                        platform: QemuPlatform) throws(CompileError) -> ([TensorValue], [TensorID: TensorValue], Int?) {
        let program: QemuProgram = trace ? .check : .profile
        let (planned, build) = try Pipeline.qemuBuild(graph, modelPath: model, options: options,
                                                      platform: platform, programs: [program])
        let graph = planned.graph
        defer { Pipeline.cleanup(build.directory) }
        let run = try build.run(program, inputs: [inputs])
        guard run.harness.status == 0, let outputs = run.harness.outputs.first else {
            throw CompileError(.mismatch, KernelStatusText.describe(run.harness.status))
        }
        var values = run.harness.traces.first ?? [:]
        if trace {
            for (id, value) in zip(graph.inputs, inputs) { values[id] = value }
            for (id, value) in zip(graph.outputs, outputs) { values[id] = value }
        }
        return (outputs, values, run.profiles.first?.total)
    }
}
