import IR

extension MemoryChart {
    /// Average advance of one character of the 10.5 px sans-serif label font, and one line's height.
    static let charWidth = 6.2, lineHeight = 12.5

    /// One box per buffer that owns bytes (views draw nothing: their base's box covers them),
    /// each labelled in the largest part no other box covers, no label over another.
    static func boxes(_ buffers: [PlanReport.Buffer], chart: MemoryChart) -> [Box] {
        var counters: [Kind: Int] = [:]
        var boxes: [Box] = buffers.compactMap { b in
            guard let kind = Kind(rawValue: b.kind) else { return nil }
            let top = chart.y(Double(b.offset + b.bytes)), bottom = chart.y(Double(b.offset))
            let height = max(bottom - top, 1)
            let frame = ChartRect(x: chart.x(step: b.first_step), y: bottom - height,
                                  width: Double(b.last_step - b.first_step + 1) * chart.columnWidth, height: height)
            let shade = counters[kind, default: 0]
            counters[kind] = shade + 1
            let id = b.tensor >= 0 ? "t\(b.tensor)" : "scratch"
            let tooltip = "\(id) '\(DisplayText.escaped(b.name))' (\(kind.rawValue)): \(Grouped.text(b.bytes)) B at offset "
                + "\(Grouped.text(b.offset))-\(Grouped.text(b.offset + b.bytes - 1)), steps \(b.first_step)-\(b.last_step)"
            let tokens = b.tensor >= 0 ? [id, shortName(b.name), "\(Grouped.text(b.bytes)) B"]
                : [b.name, "\(Grouped.text(b.bytes)) B"]
            return Box(kind: kind, shade: shade, frame: frame, labelArea: frame, lines: tokens, vertical: false,
                       tooltip: tooltip)
        }
        let frames = boxes.map(\.frame)
        var taken: [ChartRect] = []
        for i in boxes.indices.sorted(by: { (frames[$0].area, -$0) > (frames[$1].area, -$1) }) {
            let others = frames.indices.filter { $0 != i }.map { frames[$0] }
            boxes[i].labelArea = frames[i].largestFreePart(avoiding: others)
            (boxes[i].lines, boxes[i].vertical) = labels(boxes[i].lines, in: boxes[i].labelArea)
            let extent = boxes[i].textExtent
            if taken.contains(where: { $0.overlaps(extent) }) { boxes[i].lines = [] } else { taken.append(extent) }
        }
        return boxes
    }

    /// The lines of `tokens` (id, name, size) that fit in `area`, horizontal or bottom-to-top
    /// (whichever shows more), packed greedily, a long name cut with an ellipsis.
    static func labels(_ tokens: [String], in area: ChartRect) -> ([String], Bool) {
        let flat = pack(tokens, chars: Int((area.width - 6) / charWidth), lines: Int((area.height - 3) / lineHeight))
        let tall = pack(tokens, chars: Int((area.height - 6) / charWidth), lines: Int((area.width - 3) / lineHeight))
        let shown = { (lines: [String]) in lines.reduce(0) { $0 + $1.count } }
        return shown(tall) > shown(flat) ? (tall, true) : (flat, false)
    }

    /// Greedy packing of `tokens` into at most `lines` lines of `chars` characters; a token too
    /// long for a line of its own is cut with an ellipsis; nothing when even the first token
    /// cannot show three characters.
    static func pack(_ tokens: [String], chars: Int, lines: Int) -> [String] {
        guard lines > 0, chars >= 3 else { return [] }
        var out: [String] = []
        var current = ""
        for token in tokens {
            if current.isEmpty {
                current = token.count <= chars ? token : String(token.prefix(chars - 1)) + "…"
            } else if current.count + 1 + token.count <= chars {
                current += " " + token
            } else if out.count + 1 < lines {
                out.append(current)
                current = token.count <= chars ? token : String(token.prefix(chars - 1)) + "…"
            } else {
                let room = chars - current.count - 2
                if room >= 3 { current += " " + String(token.prefix(room)) + "…" }
                break
            }
        }
        if !current.isEmpty, out.count < lines { out.append(current) }
        return out
    }

    /// A readable short form of a TFLite tensor name: the first of `;`-joined fused names, then
    /// its last two `/` components (`model/activation_1/Relu;...` -> `activation_1/Relu`).
    static func shortName(_ name: String) -> String {
        let first = name.split(separator: ";", omittingEmptySubsequences: true).first.map(String.init) ?? name
        let parts = first.split(separator: "/", omittingEmptySubsequences: true)
        let short = parts.count > 2 ? parts.suffix(2).joined(separator: "/") : first
        return DisplayText.escaped(short, limit: 60)
    }
}
