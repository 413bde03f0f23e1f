/// An SVG drawing of an instruction profile: one row per step, a bar of its instructions (with
/// its share) next to a bar of the arena bytes live during it, so the costly layers stand out.
enum ProfileSVG {
    static let rowHeight = 18.0, labelWidth = 300.0, barWidth = 420.0, liveWidth = 260.0, gap = 30.0, top = 70.0

    /// The document for a qemu simulation report (an empty chart when it has no layers).
    static func render(_ report: SimulateReport) -> String {
        let layers = report.layers ?? []
        let maxInstructions = Double(max(layers.map(\.instructions).max() ?? 1, 1))
        let maxLive = Double(max(layers.map(\.live_bytes).max() ?? 1, 1))
        let liveX = labelWidth + barWidth + gap
        var body: [String] = [
            text(x: labelWidth, y: top - 12, "instructions (max \(Grouped.text(Int(maxInstructions))))", bold: true),
            text(x: liveX, y: top - 12, "live arena bytes (max \(Grouped.text(Int(maxLive))))", bold: true),
        ]
        for (row, layer) in layers.enumerated() {
            let y = top + Double(row) * rowHeight
            let width = Double(layer.instructions) / maxInstructions * barWidth
            let live = Double(layer.live_bytes) / maxLive * liveWidth
            let percent = PlanSVG.fmt(layer.share * 100)
            body.append(text(x: 10, y: y + 13, "\(layer.step)  op \(layer.op_index) \(layer.op) (\(layer.kernel))"))
            body.append(bar(x: labelWidth, y: y, width: width, color: "#4e79a7",
                            title: "step \(layer.step): \(Grouped.text(layer.instructions)) instructions, \(percent)%, "
                                + "\(Grouped.text(layer.macs)) MACs, \(layer.macs_per_instruction) MACs per instruction"))
            body.append(text(x: labelWidth + width + 4, y: y + 13, "\(percent)%"))
            body.append(bar(x: liveX, y: y, width: live, color: "#59a14f",
                            title: "step \(layer.step): \(Grouped.text(layer.live_bytes)) bytes live"))
        }
        let width = liveX + liveWidth + 60, height = top + Double(layers.count) * rowHeight + 30
        let title = "\(report.model) on \(report.core ?? "?") (\(report.machine ?? "?")): "
            + "\(Grouped.text(report.instructions ?? 0)) instructions per inference"
        return (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(PlanSVG.fmt(width))\" height=\"\(PlanSVG.fmt(height))\" "
                     + "viewBox=\"0 0 \(PlanSVG.fmt(width)) \(PlanSVG.fmt(height))\" font-family=\"sans-serif\" font-size=\"11\">",
                 text(x: 10, y: 24, title, bold: true)] + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    static func bar(x: Double, y: Double, width: Double, color: String, title: String) -> String {
        "<rect x=\"\(PlanSVG.fmt(x))\" y=\"\(PlanSVG.fmt(y + 2))\" width=\"\(PlanSVG.fmt(max(width, 0.5)))\" "
            + "height=\"\(PlanSVG.fmt(rowHeight - 4))\" fill=\"\(color)\"><title>\(Markup.escape(title))</title></rect>"
    }

    static func text(x: Double, y: Double, _ content: String, bold: Bool = false) -> String {
        "<text x=\"\(PlanSVG.fmt(x))\" y=\"\(PlanSVG.fmt(y))\"\(bold ? " font-weight=\"bold\"" : "")>"
            + "\(Markup.escape(content))</text>"
    }
}
