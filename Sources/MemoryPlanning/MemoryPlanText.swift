import IR

/// The stable text form of a `MemoryPlan` (`--dump-after memory` and golden tests).
///
/// A header with the arena, the bounds and the planner; the arena every algorithm reached; one
/// `buffer` line per request (what the placement algorithms placed) in request order; one
/// `tensor` line per materialized tensor (where each name ended up, views included) in tensor
/// order; and one `step` line per schedule step:
///
/// ```
/// memory arena=4096 lower-bound=4096 liveness-bound=5120 static=0 io=arena planner=greedy-by-size proven-optimal=yes
/// candidates greedy-by-size=4096 greedy-by-conflicts=4096 ...
/// buffer b0 t0 offset=0 bytes=1024 steps=0-0 align=4 shares-with=- "input"
/// buffer b1 t1 offset=0 bytes=1024 steps=0-1 align=4 shares-with=b0(t0, gap>=0, overlapping) "conv"
/// buffer b2 scratch(op1) offset=1024 bytes=64 steps=1-1 align=4 shares-with=-
/// tensor t1 buffer=b1+0 offset=0 bytes=1024 steps=0-1 view-of=- "conv"
/// step 0 live=2048 high-water=2048
/// ```
///
/// `shares-with` is the overlap rule a kernel contract gave the buffer (the other buffer, the
/// rule, and whether this placement actually overlaps them). Tensor names are escaped with
/// `DisplayText.escaped`, so every record is one line. The same plan always gives the same text.
public enum MemoryPlanText {
    /// Renders `plan` for `graph`, every line ending in a newline.
    ///
    /// In: a plan made for `graph` (`verify()` is empty); request ids are their indices.
    public static func render(_ plan: MemoryPlan, graph: Graph) -> String {
        var lines = [header(plan)]
        lines.append("candidates " + plan.candidates.map { "\($0.planner.rawValue)=\($0.arenaBytes)" }
            .joined(separator: " "))
        for request in plan.requests {
            lines.append(bufferLine(request, plan: plan, graph: graph))
        }
        for placement in plan.tensors.sorted(by: { $0.tensor < $1.tensor }) {
            lines.append(tensorLine(placement, plan: plan, graph: graph))
        }
        let highWater = plan.highWaterPerStep
        for (step, live) in plan.liveBytesPerStep.enumerated() {
            lines.append("step \(step) live=\(live) high-water=\(highWater[step])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The arena, bounds, static bytes, where graph I/O lives, and the winning planner.
    static func header(_ plan: MemoryPlan) -> String {
        "memory arena=\(plan.arenaBytes) lower-bound=\(plan.lowerBound) liveness-bound=\(plan.livenessBound) "
            + "static=\(plan.staticBytes)\(plan.stateBytes > 0 ? " state=\(plan.stateBytes)" : "") io=\(plan.externalIO ? "external" : "arena") "
            + "planner=\(plan.planner.rawValue) proven-optimal=\(plan.provenOptimal ? "yes" : "no")"
    }

    /// `buffer b3 t7 offset=64 bytes=256 steps=2-4 align=4 shares-with=- "name"`.
    static func bufferLine(_ request: BufferRequest, plan: MemoryPlan, graph: Graph) -> String {
        var line = "buffer b\(request.id) \(plan.name(request)) offset=\(plan.offsets[request.id]) "
            + "bytes=\(request.bytes) steps=\(request.firstStep)-\(request.lastStep) align=\(request.alignment) "
            + "shares-with=" + sharing(request, plan: plan)
        if let tensor = request.tensor { line += " " + quoted(graph[tensor].name) }
        return line
    }

    /// `-`, or `b2(t5, gap>=16, overlapping)` / `b2(t5, same-offset, disjoint)`.
    static func sharing(_ request: BufferRequest, plan: MemoryPlan) -> String {
        guard let rule = request.mayShareWith else { return "-" }
        let other = plan.requests[rule.input]
        let kind: String
        switch rule.kind {
        case .gapAtLeast(let gap): kind = "gap>=\(gap)"
        case .sameOffset: kind = "same-offset"
        }
        let (a, b) = (plan.offsets[request.id], plan.offsets[other.id])
        let overlapping = a < b + other.bytes && b < a + request.bytes
        return "b\(other.id)(\(plan.name(other)), \(kind), \(overlapping ? "overlapping" : "disjoint"))"
    }

    /// `tensor t7 buffer=b3+0 offset=64 bytes=256 steps=2-4 view-of=- "name"`.
    static func tensorLine(_ t: TensorPlacement, plan: MemoryPlan, graph: Graph) -> String {
        "tensor \(t.tensor) buffer=b\(t.request)+\(t.byteOffset) offset=\(plan.offsets[t.request] + t.byteOffset) "
            + "bytes=\(t.bytes) steps=\(t.firstStep)-\(t.lastStep) view-of=\(t.viewOf?.description ?? "-") "
            + quoted(graph[t.tensor].name)
    }

    static func quoted(_ name: String) -> String { "\"" + DisplayText.escaped(name) + "\"" }
}
