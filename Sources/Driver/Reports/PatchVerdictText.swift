import Scheduling

/// One sentence for a `PatchVerdict`: what the search chose and why.
enum PatchVerdictText {
    static func render(_ verdict: PatchVerdict?, choice: PatchChoice, layerPeak: Int?, stageEnd: String?) -> String {
        guard let verdict else { return "\(choice): forced by --patch" }
        let layer = layerPeak.map { "layer-based \(Grouped.text($0)) bytes" } ?? "layer-based"
        switch verdict {
        case .noCandidates:
            return "layer-based: no patch stage applies" + (stageEnd.map { " (\($0))" } ?? "")
        case .overheadTooHigh(let limit):
            return "layer-based: every patch plan costs more than \(PatchSearch.percent(limit)) MAC overhead"
        case .layerBasedWins(let best):
            return "layer-based wins: \(layer) is no more than the best patch plan, \(best.spelling) at "
                + "\(Grouped.text(best.placedPeak ?? best.estimatedPeak)) bytes"
        case .smallestPeak(let c, let limit):
            return "\(c.spelling): \(Grouped.text(c.placedPeak ?? c.estimatedPeak)) bytes, the smallest peak within "
                + "\(PatchSearch.percent(limit)) MAC overhead (\(layer))"
        case .layerBasedFits(let budget):
            return "layer-based: \(layer) fits the \(Grouped.text(budget))-byte SRAM budget with no MAC overhead"
        case .leastOverheadThatFits(let c, let budget):
            return "\(c.spelling): \(Grouped.text(c.placedPeak ?? c.estimatedPeak)) bytes, the least MAC overhead "
                + "(\(PatchSearch.percent(c.macOverhead))) that fits the \(Grouped.text(budget))-byte SRAM budget"
        case .nothingFits(let budget, let fallback):
            return "nothing fits the \(Grouped.text(budget))-byte SRAM budget; "
                + render(fallback, choice: choice, layerPeak: layerPeak, stageEnd: stageEnd)
        }
    }
}
