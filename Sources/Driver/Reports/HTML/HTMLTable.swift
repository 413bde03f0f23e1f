/// Builders for the report's tables and cells.
enum HTMLTable {
    /// A column heading; numeric columns are right-aligned.
    struct Column {
        var title: String
        var numeric = false
        /// Explanation shown on hover.
        var help: String? = nil
    }

    /// `<table>` with a header row; `rowClasses[i]` (if any) is set on row `i`.
    static func table(_ columns: [Column], rows: [[Markup]], rowClasses: [String?] = [], id: String? = nil) -> Markup {
        let head = Markup.el("tr", [], columns.map { c in
            var attributes: [(String, String)] = c.numeric ? [("class", "num")] : []
            if let help = c.help { attributes.append(("title", help)) }
            return .el("th", attributes, text: c.title)
        })
        let body = rows.enumerated().map { i, cells -> Markup in
            let cls = i < rowClasses.count ? rowClasses[i] : nil
            return .el("tr", cls.map { [("class", $0)] } ?? [], cells)
        }
        return .el("table", id.map { [("id", $0)] } ?? [], [.el("thead", [], [head]), .el("tbody", [], body)])
    }

    static func text(_ value: String, _ cls: String? = nil) -> Markup {
        .el("td", cls.map { [("class", $0)] } ?? [], text: value)
    }

    /// A right-aligned grouped number (`1,234`).
    static func number(_ value: Int) -> Markup { .el("td", [("class", "num")], text: Grouped.text(value)) }

    /// A right-aligned number or a dash when absent.
    static func number(_ value: Int?) -> Markup { value.map(number) ?? .el("td", [("class", "num")], text: "-") }

    /// A small horizontal bar for `part / whole` followed by `label`.
    static func meter(_ part: Int, of whole: Int, label: String, style: String = "") -> Markup {
        let percent = whole > 0 ? min(100.0, Double(part) / Double(whole) * 100) : 0
        let width = "width:\(PlanSVG.fmt(percent))%"
        return .el("td", [("class", "meter num")], [
            .el("span", [("class", "track")], [.el("span", [("class", "fill \(style)"), ("style", width)])]),
            .text(label),
        ])
    }

    /// `12.3%` of `whole` (one decimal), `-` when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> String { FitVerdict.percent(part, of: whole) }
}
