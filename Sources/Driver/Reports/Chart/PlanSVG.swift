import IR
import Scheduling

/// Draws a `MemoryChart` as SVG: byte ticks on the y axis, step numbers and op names on the x
/// axis, one labelled box per buffer (hover for every detail), the arena, lower-bound and budget
/// levels, and a legend. Used by `mcuc plan --svg` (a standalone file) and `mcuc report` (inline).
public enum PlanSVG {
    /// The standalone document for `report` against `budget` bytes of SRAM; with the patch stage's
    /// plan (and its graph), the chart gets a side panel of the grid and halos (`PatchSVG`).
    public static func render(_ report: PlanReport, budget: Int, patch: PatchPlan? = nil, graph: Graph? = nil) -> String {
        let input = chartInput(report, budget: budget)
        let chart = svg(input, id: "plan")
        guard let patch, let graph else { return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.render() + "\n" }
        let layout = MemoryChart(input)
        let width = layout.width + PatchSVG.panelWidth, height = max(layout.height, 220 + 2 * PatchSVG.planeSize)
        let panel = PatchSVG.panel(patch, graph: graph, buffers: report.patch?.buffers ?? [])
        let document = Markup.el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", fmt(width)),
                                         ("height", fmt(height)), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                                         ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"), ("font-size", "11")],
                                 [chart, .el("g", [("transform", "translate(\(fmt(layout.width)) 40)")], [panel])])
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.render() + "\n"
    }

    /// The chart input of a whole plan. With memory regions the regions are drawn one above the
    /// other (as the plan's virtual arena lays them out), a line where each begins, and no budget
    /// line (each region has its own; `fit` shows them).
    static func chartInput(_ report: PlanReport, budget: Int?) -> MemoryChart.Input {
        let model = report.model.split(separator: "/").last.map(String.init) ?? report.model
        let boxes = report.buffers.filter { $0.kind != "view" }.count
        var subtitle = "arena \(Grouped.text(report.arena_bytes)) B"
        if !report.regions.isEmpty {
            subtitle += " (" + report.regions.map { "\($0.name) \(Grouped.text($0.bytes))" }.joined(separator: " + ") + ")"
        }
        if report.static_bytes > 0 { subtitle += " + static \(Grouped.text(report.static_bytes)) B" }
        subtitle += " · lower bound \(Grouped.text(report.lower_bound_bytes)) B · \(report.steps.count) steps · "
            + "\(boxes) buffers · planner \(report.planner)"
            + (report.external_io ? " · inputs and outputs outside the arena" : "")
        var bases: [Int] = []
        var end = 0
        for region in report.regions {
            bases.append(end)
            end = (end + region.bytes + 15) / 16 * 16
        }
        let buffers = report.buffers.map { b -> PlanReport.Buffer in
            var virtual = b
            if let r = b.region { virtual.offset += bases[r] }
            return virtual
        }
        let boundaries = report.regions.indices.dropFirst().map { r in
            (bytes: bases[r], label: "\(report.regions[r].name) above, \(report.regions[r - 1].name) below")
        }
        let top = report.regions.isEmpty ? report.arena_bytes : (bases.last ?? 0) + (report.regions.last?.bytes ?? 0)
        var input = MemoryChart.Input(title: "Memory plan: \(model) on \(report.target)", subtitle: subtitle,
                                      opNames: report.steps.map(\.op_name), buffers: buffers, arenaBytes: top,
                                      lowerBoundBytes: report.lower_bound_bytes,
                                      budgetBytes: report.regions.isEmpty ? budget : nil)
        input.regionBoundaries = boundaries
        if let patch = report.patch, let ops = patch.ops, let rows = patch.grid_rows, let cols = patch.grid_cols {
            input.patchSteps = ops
            input.patchLabel = "patch loop: \(rows)x\(cols) = \(rows * cols) times"
        }
        return input
    }

    /// The `<svg>` element for `input`; `id` keeps pattern ids unique when several charts share
    /// one page.
    static func svg(_ input: MemoryChart.Input, id: String) -> Markup {
        let chart = MemoryChart(input)
        var children: [Markup] = [defs(id: id),
                                  .el("rect", [("width", fmt(chart.width)), ("height", fmt(chart.height)), ("fill", "#ffffff")])]
        children += heading(chart) + legend(chart, id: id) + columns(chart)
        if input.patchSteps > 0 { children += PatchSVG.band(chart, steps: input.patchSteps, label: input.patchLabel) }
        children += grid(chart)
        let largestFirst = chart.boxes.indices.sorted { (chart.boxes[$0].frame.area, -$0) > (chart.boxes[$1].frame.area, -$1) }
        children.append(.el("g", [("class", "buffers")], largestFirst.map { box(chart.boxes[$0], id: id) }))
        children.append(.el("g", [("class", "labels"), ("pointer-events", "none")], chart.boxes.flatMap(label)))
        children += chart.levels.map { level($0, chart: chart) } + axes(chart)
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "memory-chart"),
                           ("width", fmt(chart.width)), ("height", fmt(chart.height)),
                           ("viewBox", "0 0 \(fmt(chart.width)) \(fmt(chart.height))"),
                           ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"), ("font-size", "11"),
                           ("role", "img"), ("aria-label", chart.title)], children)
    }

    /// Fill and stroke of a box.
    static func colors(_ kind: MemoryChart.Kind, shade: Int, id: String) -> (fill: String, stroke: String) {
        switch kind {
        case .input: ("#f8cbad", "#c55a11")
        case .output: ("#c5e0b4", "#548235")
        case .activation: (["#bdd7ee", "#9dc3e6", "#dae8f5"][shade % 3], "#2f5597")
        case .scratch: ("url(#\(id)-hatch)", "#7f7f7f")
        }
    }

    static let levelColors: [MemoryChart.Level.Kind: (color: String, dash: String?)] = [
        .arena: ("#111827", nil), .lowerBound: ("#2e7d32", "6 4"), .budget: ("#c62828", "8 4"), .region: ("#7c3aed", "3 3"),
    ]

    static func defs(id: String) -> Markup {
        .el("defs", [], [.el("pattern", [("id", "\(id)-hatch"), ("patternUnits", "userSpaceOnUse"), ("width", "6"),
                                        ("height", "6"), ("patternTransform", "rotate(45)")],
                             [.el("rect", [("width", "6"), ("height", "6"), ("fill", "#e5e7eb")]),
                              .el("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#9ca3af"),
                                           ("stroke-width", "2")])])])
    }

    static func heading(_ chart: MemoryChart) -> [Markup] {
        [.el("text", [("x", fmt(chart.plotX)), ("y", "26"), ("font-size", "15"), ("font-weight", "bold"),
                      ("fill", "#111827")], text: chart.title),
         .el("text", [("x", fmt(chart.plotX)), ("y", "45"), ("font-size", "12"), ("fill", "#4b5563")], text: chart.subtitle)]
    }

    /// Swatches for the buffer kinds and the level lines, on one row under the subtitle.
    static func legend(_ chart: MemoryChart, id: String) -> [Markup] {
        let y = 66.0
        let items = chart.legend.flatMap { item -> [Markup] in
            switch item.swatch {
            case .box(let kind):
                let (fill, stroke) = colors(kind, shade: 1, id: id)
                return [.el("rect", [("x", fmt(item.x)), ("y", fmt(y - 9)), ("width", "14"), ("height", "11"), ("fill", fill),
                                     ("stroke", stroke), ("stroke-width", "0.8")]),
                        .el("text", [("x", fmt(item.x + 19)), ("y", fmt(y))], text: item.text)]
            case .line(let kind):
                let style = levelColors[kind]!
                return [lineMarkup(x1: item.x, x2: item.x + 22, y: y - 4, color: style.color, dash: style.dash),
                        .el("text", [("x", fmt(item.x + 27)), ("y", fmt(y))], text: item.text)]
            case .warning:
                return [.el("text", [("x", fmt(item.x)), ("y", fmt(y)), ("fill", "#c62828")], text: item.text)]
            }
        }
        return [.el("g", [("class", "legend")], items)]
    }

    /// Alternate steps on a faint band, so a box's steps can be read off.
    static func columns(_ chart: MemoryChart) -> [Markup] {
        let steps = Int((chart.plotWidth / chart.columnWidth).rounded())
        return stride(from: 1, to: steps, by: 2).map { step in
            .el("rect", [("x", fmt(chart.x(step: step))), ("y", fmt(chart.plotY)), ("width", fmt(chart.columnWidth)),
                         ("height", fmt(chart.plotHeight)), ("fill", "#f6f7f9")])
        }
    }

    /// Horizontal grid lines and byte labels at every tick.
    static func grid(_ chart: MemoryChart) -> [Markup] {
        chart.yTicks.flatMap { tick -> [Markup] in
            [.el("line", [("x1", fmt(chart.plotX - 5)), ("y1", fmt(tick.y)), ("x2", fmt(chart.plotX + chart.plotWidth)),
                          ("y2", fmt(tick.y)), ("stroke", "#e5e7eb")]),
             .el("text", [("x", fmt(chart.plotX - 8)), ("y", fmt(tick.y + 4)), ("text-anchor", "end"),
                          ("fill", "#374151")], text: tick.label)]
        }
    }

    /// A box with its hover text (labels are drawn in a later layer, so overlapping boxes never
    /// hide them).
    static func box(_ box: MemoryChart.Box, id: String) -> Markup {
        let (fill, stroke) = colors(box.kind, shade: box.shade, id: id)
        let f = box.frame
        return .el("rect", [("class", "buffer \(box.kind.rawValue)"), ("x", fmt(f.x)), ("y", fmt(f.y)),
                            ("width", fmt(f.width)), ("height", fmt(f.height)), ("fill", fill),
                            ("fill-opacity", "0.8"), ("stroke", stroke), ("stroke-width", "0.7")],
                   [.el("title", text: box.tooltip)])
    }

    /// The text lines inside a box.
    static func label(_ box: MemoryChart.Box) -> [Markup] {
        let a = box.labelArea
        return box.lines.enumerated().map { i, line in
            let offset = 11.0 + Double(i) * MemoryChart.lineHeight
            var attributes = box.vertical
                ? [("x", fmt(a.x + offset)), ("y", fmt(a.y + a.height - 4)),
                   ("transform", "rotate(-90 \(fmt(a.x + offset)) \(fmt(a.y + a.height - 4)))")]
                : [("x", fmt(a.x + 4)), ("y", fmt(a.y + offset))]
            attributes += [("font-size", "10.5"), ("fill", i == 0 ? "#111827" : "#374151")]
            return .el("text", attributes, text: line)
        }
    }

    /// A level across the plot, its label at the right end (below the line when it would
    /// collide with the arena's label).
    static func level(_ level: MemoryChart.Level, chart: MemoryChart) -> Markup {
        let style = levelColors[level.kind]!
        let arenaY = chart.levels.first { $0.kind == .arena }?.y ?? -100
        let below = level.kind != .arena && abs(level.y - arenaY) < 14
        let right = chart.plotX + chart.plotWidth - 4
        return .el("g", [("class", "level \(level.kind.rawValue)")], [
            lineMarkup(x1: chart.plotX, x2: chart.plotX + chart.plotWidth, y: level.y, color: style.color, dash: style.dash),
            .el("text", [("x", fmt(right)), ("y", fmt(below ? level.y + 13 : level.y - 4)), ("text-anchor", "end"),
                         ("fill", style.color), ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke")],
                text: level.label),
        ])
    }

    static func lineMarkup(x1: Double, x2: Double, y: Double, color: String, dash: String?) -> Markup {
        var attributes = [("x1", fmt(x1)), ("y1", fmt(y)), ("x2", fmt(x2)), ("y2", fmt(y)), ("stroke", color),
                          ("stroke-width", "1.6")]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        return .el("line", attributes)
    }

    /// Axis lines, step ticks with rotated `step op` labels, and the axis titles.
    static func axes(_ chart: MemoryChart) -> [Markup] {
        let bottom = chart.plotY + chart.plotHeight
        var items: [Markup] = [
            .el("line", [("x1", fmt(chart.plotX)), ("y1", fmt(chart.plotY)), ("x2", fmt(chart.plotX)), ("y2", fmt(bottom)),
                         ("stroke", "#111827")]),
            .el("line", [("x1", fmt(chart.plotX)), ("y1", fmt(bottom)), ("x2", fmt(chart.plotX + chart.plotWidth)),
                         ("y2", fmt(bottom)), ("stroke", "#111827")]),
        ]
        for label in chart.stepLabels {
            items.append(.el("line", [("x1", fmt(label.x)), ("y1", fmt(bottom)), ("x2", fmt(label.x)),
                                      ("y2", fmt(bottom + 4)), ("stroke", "#111827")]))
            items.append(.el("text", [("x", fmt(label.x + 3)), ("y", fmt(bottom + 14)), ("text-anchor", "end"),
                                      ("font-size", "10"), ("fill", "#374151"),
                                      ("transform", "rotate(-55 \(fmt(label.x + 3)) \(fmt(bottom + 14)))")],
                             text: label.text))
        }
        let middle = chart.plotY + chart.plotHeight / 2
        items.append(.el("text", [("x", "18"), ("y", fmt(middle)), ("text-anchor", "middle"), ("fill", "#374151"),
                                  ("transform", "rotate(-90 18 \(fmt(middle)))")], text: "arena offset (bytes)"))
        items.append(.el("text", [("x", fmt(chart.plotX + chart.plotWidth)), ("y", fmt(chart.height - 8)),
                                  ("text-anchor", "end"), ("fill", "#374151")], text: "schedule step and operator"))
        return items
    }

    /// Two decimals at most, no exponent.
    static func fmt(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return sign + String(magnitude / 100) + (fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)"
            : fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
    }
}
