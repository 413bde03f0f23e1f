import IR
import Scheduling

/// The patch stage in `mcuc plan --svg`: the stage's steps shaded on the memory chart (`band`), and
/// a side panel drawing the grid over the stage output, the region (with its halo) every patch
/// reads from the stage input, one patch highlighted, and the per-patch buffers.
enum PatchSVG {
    static let panelWidth = 330.0, planeSize = 170.0

    /// A band behind the stage's steps, labelled with the loop count.
    static func band(_ chart: MemoryChart, steps: Int, label: String) -> [Markup] {
        let x = chart.x(step: 0), width = chart.x(step: steps) - x
        return [.el("rect", [("class", "patch-stage"), ("x", PlanSVG.fmt(x)), ("y", PlanSVG.fmt(chart.plotY)),
                             ("width", PlanSVG.fmt(width)), ("height", PlanSVG.fmt(chart.plotHeight)), ("fill", "#e3edfc")]),
                .el("text", [("x", PlanSVG.fmt(x + 4)), ("y", PlanSVG.fmt(chart.plotY + 13)), ("fill", "#1d4ed8")],
                    text: label)]
    }

    /// The panel, drawn from x = 0 (the caller translates it).
    static func panel(_ plan: PatchPlan, graph: Graph, buffers: [PatchReport.Buffer]) -> Markup {
        let first = plan.split.nodes.first!.index, last = plan.split.nodes.last!.index
        var items: [Markup] = [text(0, 26, "Patch stage: ops \(first)-\(last), \(plan.grid) grid", bold: true)]
        let focus = (plan.grid.rowCount / 2, plan.grid.colCount / 2)
        items += plane(plan, tensor: plan.split.output, graph: graph, top: 50, focus: focus,
                       title: "stage output t\(plan.split.output.index): the grid, patch (\(focus.0), \(focus.1))")
        if let input = plan.split.inputs.first {
            items += plane(plan, tensor: input, graph: graph, top: 80 + planeSize, focus: focus,
                           title: "input t\(input.index) (\(plan.inputStreaming ? "streamed" : "held")): patch regions, halos")
        }
        var y = 130 + 2 * planeSize
        items.append(text(0, y, "per-patch buffers", bold: true))
        for b in buffers {
            y += 15
            items.append(text(0, y, "t\(b.tensor) \(b.rows)x\(b.cols)x\(b.channels) = \(Grouped.text(b.bytes)) B"))
        }
        return .el("g", [("class", "patch-panel")], items)
    }

    /// One tensor's plane scaled into a box: every patch's region outlined, the focus patch filled.
    static func plane(_ plan: PatchPlan, tensor: TensorID, graph: Graph, top: Double, focus: (Int, Int),
                      title: String) -> [Markup] {
        let shape = graph[tensor].shape
        let scale = planeSize / Double(max(shape[1], shape[2], 1))
        var out = [text(0, top, title),
                   rect(0, top + 8, Double(shape[2]) * scale, Double(shape[1]) * scale, fill: "#f6f8fa", stroke: "#333")]
        for i in 0..<plan.grid.rowCount {
            for j in 0..<plan.grid.colCount {
                let r = plan.region(of: tensor, row: i, col: j), isFocus = (i, j) == focus
                out.append(rect(Double(r.cols.start) * scale, top + 8 + Double(r.rows.start) * scale,
                                Double(r.cols.count) * scale, Double(r.rows.count) * scale,
                                fill: isFocus ? "#f59e0b" : "none", stroke: isFocus ? "#b45309" : "#2f5597",
                                opacity: isFocus ? 0.6 : 1))
            }
        }
        return out
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String,
                     opacity: Double = 1) -> Markup {
        .el("rect", [("x", PlanSVG.fmt(x)), ("y", PlanSVG.fmt(y)), ("width", PlanSVG.fmt(w)), ("height", PlanSVG.fmt(h)),
                     ("fill", fill), ("fill-opacity", PlanSVG.fmt(opacity)), ("stroke", stroke), ("stroke-width", "0.75")])
    }

    static func text(_ x: Double, _ y: Double, _ value: String, bold: Bool = false) -> Markup {
        var attributes = [("x", PlanSVG.fmt(x)), ("y", PlanSVG.fmt(y)), ("fill", "#111827")]
        if bold { attributes.append(("font-weight", "bold")) }
        return .el("text", attributes, text: value)
    }
}
