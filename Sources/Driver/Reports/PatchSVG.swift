import IR
import Scheduling

/// The patch stage in `mcuc plan --svg`: the stage's steps shaded on the memory chart, and a side
/// panel drawing the grid over the stage output, the regions (with halos) every patch reads from
/// the stage input, one patch highlighted, and the per-patch buffers.
enum PatchSVG {
    static let panelWidth = 320.0, planeSize = 180.0

    /// A band over the stage's steps, drawn behind the buffers.
    static func band(_ plan: PatchPlan, column: Double, top: Double, height: Double) -> String {
        let x = PlanSVG.margin, width = Double(plan.split.count) * column
        return "<rect x=\"\(PlanSVG.fmt(x))\" y=\"\(PlanSVG.fmt(top))\" width=\"\(PlanSVG.fmt(width))\" "
            + "height=\"\(PlanSVG.fmt(height))\" fill=\"#ddeeff\"/><text x=\"\(PlanSVG.fmt(x + 4))\" "
            + "y=\"\(PlanSVG.fmt(top + 14))\" fill=\"#0550ae\">patch loop: \(plan.grid) = \(plan.grid.patchCount) times</text>"
    }

    /// The side panel, its left edge at `left`.
    static func panel(_ plan: PatchPlan, graph: Graph, left: Double, buffers: [PatchReport.Buffer]) -> [String] {
        var out = [text(left, 70, "patch stage: ops \(plan.split.nodes.first!.index)-\(plan.split.nodes.last!.index), "
                        + "\(plan.grid) grid", bold: true)]
        let focus = (plan.grid.rowCount / 2, plan.grid.colCount / 2)
        let output = plan.split.output
        out += plane(plan, tensor: output, graph: graph, left: left, top: 90, focus: focus,
                     title: "stage output t\(output.index): grid, patch (\(focus.0), \(focus.1))")
        if let input = plan.split.inputs.first {
            out += plane(plan, tensor: input, graph: graph, left: left, top: 110 + planeSize + 20, focus: focus,
                         title: "input t\(input.index) (\(plan.inputStreaming ? "streamed" : "held")): regions with halos")
        }
        var y = 150 + 2 * planeSize + 30
        out.append(text(left, y, "per-patch buffers:", bold: true))
        for b in buffers {
            y += 16
            out.append(text(left, y, "t\(b.tensor) \(b.rows)x\(b.cols)x\(b.channels) = \(Grouped.text(b.bytes)) B"))
        }
        return out
    }

    /// One tensor's plane scaled into a box: every patch's region outlined, the focus patch filled.
    static func plane(_ plan: PatchPlan, tensor: TensorID, graph: Graph, left: Double, top: Double,
                      focus: (Int, Int), title: String) -> [String] {
        let shape = graph[tensor].shape
        let scale = planeSize / Double(max(shape[1], shape[2], 1))
        var out = [text(left, top, title),
                   rect(left, top + 8, Double(shape[2]) * scale, Double(shape[1]) * scale, fill: "#f6f8fa",
                        stroke: "#333", opacity: 1)]
        for i in 0..<plan.grid.rowCount {
            for j in 0..<plan.grid.colCount {
                let r = plan.region(of: tensor, row: i, col: j), isFocus = (i, j) == focus
                out.append(rect(left + Double(r.cols.start) * scale, top + 8 + Double(r.rows.start) * scale,
                                Double(r.cols.count) * scale, Double(r.rows.count) * scale,
                                fill: isFocus ? "#f28e2b" : "none", stroke: isFocus ? "#b35900" : "#4e79a7",
                                opacity: isFocus ? 0.6 : 1))
            }
        }
        return out
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String,
                     opacity: Double) -> String {
        "<rect x=\"\(PlanSVG.fmt(x))\" y=\"\(PlanSVG.fmt(y))\" width=\"\(PlanSVG.fmt(w))\" height=\"\(PlanSVG.fmt(h))\" "
            + "fill=\"\(fill)\" fill-opacity=\"\(PlanSVG.fmt(opacity))\" stroke=\"\(stroke)\" stroke-width=\"0.75\"/>"
    }

    static func text(_ x: Double, _ y: Double, _ value: String, bold: Bool = false) -> String {
        "<text x=\"\(PlanSVG.fmt(x))\" y=\"\(PlanSVG.fmt(y))\"\(bold ? " font-weight=\"bold\"" : "")>"
            + "\(PlanSVG.escape(value))</text>"
    }
}
