import IR
import MemoryPlanning

/// An SVG drawing of a memory plan: x = schedule step, y = arena address (0 at the bottom), one
/// rectangle per buffer (hover for its name), dashed lines for the lower bound and the SRAM budget.
public enum PlanSVG {
    static let plotWidth = 960.0, plotHeight = 540.0, margin = 60.0

    /// The document for `report` (with its plan) against `budget` bytes of SRAM.
    public static func render(_ report: PlanReport, memory: MemoryPlan, budget: Int) -> String {
        let steps = max(report.steps.count, 1)
        let top = Double(max(report.arena_bytes, report.lower_bound_bytes, 1))
        let yMax = Double(budget) <= top * 3 ? max(top, Double(budget)) * 1.05 : top * 1.15
        let column = plotWidth / Double(steps)
        func y(_ address: Double) -> Double { margin + plotHeight - address / yMax * plotHeight }
        var body: [String] = []
        for (index, buffer) in report.buffers.enumerated() where buffer.kind != "view" {
            let x = margin + Double(buffer.first_step) * column
            let width = Double(buffer.last_step - buffer.first_step + 1) * column
            let height = max(Double(buffer.bytes) / yMax * plotHeight, 0.5)
            let label = "\(buffer.tensor >= 0 ? "t\(buffer.tensor) " : "")\(buffer.name): \(buffer.bytes) B at "
                + "\(buffer.offset), steps \(buffer.first_step)-\(buffer.last_step)"
            body.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(y(Double(buffer.offset + buffer.bytes))))\" "
                + "width=\"\(fmt(width))\" height=\"\(fmt(height))\" fill=\"\(color(index, kind: buffer.kind))\" "
                + "fill-opacity=\"0.75\" stroke=\"#333\" stroke-width=\"0.5\"><title>\(escape(label))</title></rect>")
        }
        body.append(line(y: y(Double(report.lower_bound_bytes)), color: "#1a7f37",
                         text: "lower bound \(Grouped.text(report.lower_bound_bytes)) B"))
        if Double(budget) <= yMax {
            body.append(line(y: y(Double(budget)), color: "#cf222e", text: "SRAM budget \(Grouped.text(budget)) B"))
        }
        let title = "\(report.model) on \(report.target): arena \(Grouped.text(report.arena_bytes)) B"
            + (Double(budget) > yMax ? " (SRAM budget \(Grouped.text(budget)) B, above the chart)" : "")
        return document(title: title, body: body, steps: steps, yMax: yMax)
    }

    static func document(title: String, body: [String], steps: Int, yMax: Double) -> String {
        let width = plotWidth + 2 * margin, height = plotHeight + 2 * margin
        let axes = [
            "<line x1=\"\(fmt(margin))\" y1=\"\(fmt(margin + plotHeight))\" x2=\"\(fmt(margin + plotWidth))\" "
                + "y2=\"\(fmt(margin + plotHeight))\" stroke=\"black\"/>",
            "<line x1=\"\(fmt(margin))\" y1=\"\(fmt(margin))\" x2=\"\(fmt(margin))\" y2=\"\(fmt(margin + plotHeight))\" stroke=\"black\"/>",
            "<text x=\"\(fmt(margin + plotWidth / 2))\" y=\"\(fmt(height - 15))\" text-anchor=\"middle\">step (0-\(steps - 1))</text>",
            "<text x=\"15\" y=\"\(fmt(margin + plotHeight / 2))\" transform=\"rotate(-90 15 \(fmt(margin + plotHeight / 2)))\" "
                + "text-anchor=\"middle\">address (0-\(Grouped.text(Int(yMax))) B)</text>",
            "<text x=\"\(fmt(margin))\" y=\"30\" font-weight=\"bold\">\(escape(title))</text>",
        ]
        return (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" "
                     + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" font-family=\"sans-serif\" font-size=\"12\">"]
            + axes + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    static func line(y: Double, color: String, text: String) -> String {
        "<line x1=\"\(fmt(margin))\" y1=\"\(fmt(y))\" x2=\"\(fmt(margin + plotWidth))\" y2=\"\(fmt(y))\" stroke=\"\(color)\" "
            + "stroke-dasharray=\"6 4\"/><text x=\"\(fmt(margin + plotWidth - 4))\" y=\"\(fmt(y - 4))\" "
            + "text-anchor=\"end\" fill=\"\(color)\">\(escape(text))</text>"
    }

    /// A stable colour per buffer; scratch is grey.
    static func color(_ index: Int, kind: String) -> String {
        if kind == "scratch" { return "#999999" }
        let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
        return palette[index % palette.count]
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

    /// XML text escaping (names come from the model).
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in DisplayText.escaped(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
