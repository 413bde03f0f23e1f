import IR

/// The stable text form of a `Schedule` (`--dump-after schedule` and golden tests).
///
/// A header line, the patch stage if there is one (`PatchPlanText`), then one line per step in
/// step order (`run` layer by layer, `patch` inside the patch loop):
///
/// ```
/// schedule steps=2
/// step 0: run op0 CONV_2D reads=(t0) writes=(t3)
/// step 1: run op1 RELU reads=(t3) writes=(t4)
/// ```
///
/// `reads` lists the activation (non-constant) operands the step needs, `writes` the node's
/// outputs, both by tensor id. Only ids and TFLite operator names appear, so nothing from the
/// model's strings reaches the text. The same schedule and graph always give the same text.
public enum ScheduleText {
    /// Renders `schedule` over `graph`, every line ending in a newline.
    ///
    /// In: a schedule whose steps name nodes of `graph` (`Scheduling.problems` is empty).
    public static func render(_ schedule: Schedule, graph: Graph) -> String {
        var lines = ["schedule steps=\(schedule.steps.count)"]
        if let patch = schedule.patchStage { lines += PatchPlanText.lines(patch, graph: graph) }
        for (index, step) in schedule.steps.enumerated() {
            lines.append("step \(index): " + stepText(step, graph: graph))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `run op0 CONV_2D reads=(t0) writes=(t3)`.
    static func stepText(_ step: Step, graph: Graph) -> String {
        let node = graph[step.node]
        let reads = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant }
        return "\(step) \(node.op.name) reads=\(list(reads)) writes=\(list(node.outputs))"
    }

    static func list(_ ids: [TensorID]) -> String {
        "(" + ids.map(\.description).joined(separator: ", ") + ")"
    }
}
