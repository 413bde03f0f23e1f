import IR
import Scheduling

/// What a patch stage changes in the accounting: the bytes a stage tensor occupies and how long.
///
/// Internal stage tensors (and streamed inputs) exist one patch at a time: their buffer is the
/// largest patch region (`PatchPlan.bufferBytes`), live from the step writing it to the last
/// step of the loop body reading it. The stage output is assembled over all patches, so it is
/// live from the first stage step; held inputs are read by every patch, so they stay live until
/// the last stage step. Everything else is as layer by layer.
struct PatchAccounting {
    let plan: PatchPlan?

    init(_ schedule: Schedule) { plan = schedule.patchStage }

    /// Graph inputs read through the streaming callback into an arena buffer: in the arena even
    /// with `--external-io`.
    var streamedInputs: Set<TensorID> {
        guard let plan, plan.inputStreaming else { return [] }
        return Set(plan.split.inputs)
    }

    /// Bytes `tensor` occupies in the arena (nil for a tensor without a size).
    func bytes(_ tensor: TensorID, graph: Graph) -> Int? {
        plan?.bufferBytes[tensor] ?? graph[tensor].byteCount
    }

    /// `lifetimes` with the stage output live from step 0 and the stage inputs until the last
    /// stage step.
    func adjust(_ lifetimes: inout [TensorID: (Int, Int)]) {
        guard let plan else { return }
        let lastStageStep = plan.split.count - 1
        for input in plan.split.inputs {
            let old = lifetimes[input] ?? (0, lastStageStep)
            lifetimes[input] = (min(old.0, 0), max(old.1, lastStageStep))
        }
        if let old = lifetimes[plan.split.output] { lifetimes[plan.split.output] = (0, old.1) }
    }
}
