import IR

/// The stable text form of a `PatchPlan` (inside `ScheduleText`, and in `mcuc plan`):
///
/// ```
/// patch stage ops=7 output=t45 grid=4x4 input=held macs=+123456 (layer 2,000,000)
/// patch rows=0..<5 5..<10 10..<15 15..<20 cols=0..<5 5..<10 10..<15 15..<20
/// patch tensor t3 rows=0..<11 9..<21 ... cols=... buffer=1936
/// ```
///
/// One `patch tensor` line per stage tensor in id order: its rows per grid row and columns per
/// grid column, and its per-patch buffer bytes (`full` for tensors held whole: the stage output
/// and held inputs). Only ids and numbers appear.
public enum PatchPlanText {
    /// The lines, without newlines.
    public static func lines(_ plan: PatchPlan, graph: Graph) -> [String] {
        let header = "patch stage ops=\(plan.split.count) output=\(plan.split.output) grid=\(plan.grid) "
            + "input=\(plan.inputStreaming ? "streamed" : "held") macs=+\(plan.extraMACs) (layer \(plan.layerMACs))"
        var lines = [header, "patch rows=\(spans(plan.grid.rows)) cols=\(spans(plan.grid.cols))"]
        for tensor in plan.rowSpans.keys.sorted() {
            let buffer = plan.bufferBytes[tensor].map(String.init) ?? "full"
            lines.append("patch tensor \(tensor) rows=\(spans(plan.rowSpans[tensor]!)) "
                + "cols=\(spans(plan.colSpans[tensor]!)) buffer=\(buffer)")
        }
        return lines
    }

    static func spans(_ spans: [Span]) -> String { spans.map(\.description).joined(separator: " ") }
}
