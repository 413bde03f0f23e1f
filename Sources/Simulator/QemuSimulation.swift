import CodeGen
import IR
import Reference

/// What `Simulator.simulateOnQemu` measured.
public struct QemuSimulationReport: Sendable {
    /// Bit-exactness of every traced tensor and output (check program), and the arena measured.
    public var simulation: SimulationReport
    /// Instructions of every inference (profile program; its outputs equal the check program's).
    public var profiles: [InstructionProfile]
    /// The function the profiles count (`<prefix>_run` or `<prefix>_invoke`).
    public var countedFunction: String?
    /// The deepest stack the harness glue and the model's entry function used, measured on the guest (profile program).
    public var measuredStackBytes: Int
}

extension Simulator {
    /// Runs `inputs` through the check program (every arena tensor traced, arena measured) and the
    /// profile program (instructions per step) of `build`, and compares both with the reference.
    /// The profile program must produce the same outputs, else it is a mismatch.
    public static func simulateOnQemu(graph: Graph, build: QemuBuild, inputs: [[TensorValue]],
                                      expected: [Result<[TensorID: TensorValue], CompileError>]? = nil)
        throws(CompileError) -> QemuSimulationReport {
        let checked = try build.run(.check, inputs: inputs, measureArena: true)
        var simulation = report(graph: graph, sources: build.sources, run: checked.harness, inputs: inputs, expected: expected)
        let profiled = try build.run(.profile, inputs: inputs)
        if profiled.harness.status != checked.harness.status || profiled.harness.outputs != checked.harness.outputs {
            simulation.bitExact = false
            simulation.mismatches.append(Mismatch(
                inference: 0, tensor: graph.outputs[0], tensorName: graph[graph.outputs[0]].name, node: nil, opName: nil,
                element: 0, ours: "profile program status \(profiled.harness.status)",
                reference: "check program status \(checked.harness.status) with other outputs"))
        }
        return QemuSimulationReport(simulation: simulation, profiles: profiled.profiles, countedFunction: profiled.countedFunction,
                                    measuredStackBytes: profiled.stackBytes)
    }
}
