import CodeGen
import IR
import Simulator

extension Commands {
    /// One inference through the emitted C built for the host: the outputs, and (when `trace`) the
    /// graph inputs and every activation the C materialized, read right after the step that wrote
    /// it (folded PAD outputs never exist in the C and are not included).
    static func runHost(_ graph: Graph, model: String, inputs: [TensorValue], trace: Bool,
                        options: PipelineOptions) throws(CompileError) -> ([TensorValue], [TensorID: TensorValue]) {
        let (planned, build) = try Pipeline.hostBuild(graph, modelPath: model, options: options)
        let graph = planned.graph
        defer { Pipeline.cleanup(build.directory) }
        let run = try build.run([inputs], trace: trace)
        guard run.status == 0, let outputs = run.outputs.first else {
            throw CompileError(.mismatch, KernelStatusText.describe(run.status))
        }
        var values = run.traces.first ?? [:]
        if trace {
            for (id, value) in zip(graph.inputs, inputs) { values[id] = value }
            for (id, value) in zip(graph.outputs, outputs) { values[id] = value }
        }
        return (outputs, values)
    }
}
