import IR

/// The arena over time as text, after TFLM's `PrintMemoryPlan`: one line per step, one column per
/// `arena / width` bytes; each buffer drawn with its symbol, `.` free, `*` where an output and
/// the input its kernel's contract lets it overlap share bytes.
public enum ArenaChart {
    static let symbols = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The symbol of request `id` (cycles after 62 buffers).
    public static func symbol(of id: Int) -> Character { symbols[id % symbols.count] }

    /// The chart: a header, one line per step (`labels[step]` after the bars), then a legend.
    public static func render(_ plan: MemoryPlan, graph: Graph, labels: [String], width: Int = 64) -> String {
        guard plan.arenaBytes > 0 else { return "(empty arena)\n" }
        let scale = max(1, (plan.arenaBytes + width - 1) / width)
        let columns = (plan.arenaBytes + scale - 1) / scale
        var lines = ["arena \(plan.arenaBytes) bytes, one column = \(scale) bytes"]
        for (step, label) in labels.enumerated() {
            let live = plan.requests.filter { $0.isLive(at: step) }
            let row = (0..<columns).map { cell(column: $0, scale: scale, live: live, plan: plan) }
            lines.append(pad(String(step), 4) + " |" + String(row) + "| " + label)
        }
        lines.append("")
        for r in plan.requests {
            let name = r.tensor.map { " '\(DisplayText.escaped(graph[$0].name, limit: 40))'" } ?? ""
            lines.append("  \(symbol(of: r.id)) \(plan.name(r))\(name) offset \(plan.offsets[r.id]) bytes \(r.bytes) "
                + "steps \(r.firstStep)-\(r.lastStep)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The character for bytes `[column * scale, +scale)` at one step.
    static func cell(column: Int, scale: Int, live: [BufferRequest], plan: MemoryPlan) -> Character {
        let start = column * scale, end = start + scale
        var covering: [(request: BufferRequest, bytes: Int)] = []
        for r in live {
            let lo = max(start, plan.offsets[r.id]), hi = min(end, plan.offsets[r.id] + r.bytes)
            if hi > lo { covering.append((r, hi - lo)) }
        }
        guard let widest = covering.max(by: { ($0.bytes, -$0.request.id) < ($1.bytes, -$1.request.id) }) else {
            return "."
        }
        for (i, a) in covering.enumerated() {
            for b in covering[(i + 1)...] where overlap(a.request, b.request, plan) { return "*" }
        }
        return symbol(of: widest.request.id)
    }

    static func overlap(_ a: BufferRequest, _ b: BufferRequest, _ plan: MemoryPlan) -> Bool {
        let oa = plan.offsets[a.id], ob = plan.offsets[b.id]
        return oa < ob + b.bytes && ob < oa + a.bytes
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
