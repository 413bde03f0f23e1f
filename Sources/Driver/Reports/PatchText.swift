import IR
import Scheduling

extension PatchReport {
    /// The patch section of `mcuc plan`'s text: the stage, the verdict, both peaks, the MAC
    /// overhead, the per-patch buffers, and why the stage ends where it does.
    func renderText(graph: Graph) -> [String] {
        var out: [String] = []
        if let ops, let first = first_op, let last = last_op, let output = output_tensor, let rows = grid_rows,
           let cols = grid_cols, let rowSpans = row_spans, let colSpans = col_spans {
            let shape = graph[TensorID(output)].shape
            out.append("patch stage: ops \(first)-\(last) (\(ops) ops) run per patch, a \(rows)x\(cols) grid over t\(output) "
                + "\(shape) (patches \(rowSpans[0][1] - rowSpans[0][0])x\(colSpans[0][1] - colSpans[0][0]), last "
                + "\(rowSpans.last![1] - rowSpans.last![0])x\(colSpans.last![1] - colSpans.last![0])); input "
                + (input_streaming ? "streamed through <prefix>_read_input" : "held"))
        } else {
            out.append("patch stage: none")
        }
        out.append("  chosen: \(verdict)")
        out.append("  peak: " + peaksText())
        if let extra = extra_macs, let overhead = mac_overhead {
            out.append("  MACs: +\(Grouped.text(extra)) recomputed in halos = \(PatchSearch.percent(overhead)) over the "
                + "layer-based \(Grouped.text(model_macs))")
        }
        if !buffers.isEmpty {
            out.append("  per-patch buffers: " + buffers.map { b in
                let by = b.op_index >= 0 ? "op \(b.op_index)" : "input"
                return "t\(b.tensor) (\(by)) \(b.rows)x\(b.cols)x\(b.channels) = \(Grouped.text(b.bytes))"
            }.joined(separator: ", "))
        }
        if let end = stage_end { out.append("  the stage cannot go further: \(end)") }
        if let candidates { out += candidateLines(candidates) }
        return out
    }

    func peaksText() -> String {
        var parts: [String] = []
        if let held = peak_input_held_bytes { parts.append("\(Grouped.text(held)) bytes with the input held") }
        if let streamed = peak_input_streamed_bytes {
            parts.append("\(Grouped.text(streamed)) bytes with --input-streaming")
        }
        if let layer = layer_based_peak_bytes { parts.append("layer-based \(Grouped.text(layer)) bytes") }
        return parts.joined(separator: "; ")
    }

    /// `--verbose`: the Pareto front, then every candidate that was placed.
    func candidateLines(_ candidates: [Candidate]) -> [String] {
        func table(_ rows: [Candidate]) -> String {
            var t = TextTable(headers: ["grid@ops", "est. peak", "placed", "MAC overhead", "Pareto"], rightAligned: [1, 2, 3])
            for c in rows {
                t.add(["\(c.grid)@\(c.ops)", Grouped.text(c.estimated_peak_bytes), c.placed_peak_bytes.map(Grouped.text) ?? "-",
                       PatchSearch.percent(c.mac_overhead), c.pareto ? "*" : ""])
            }
            return t.render()
        }
        let front = candidates.filter(\.pareto).sorted { $0.estimated_peak_bytes < $1.estimated_peak_bytes }
        let placed = candidates.filter { $0.placed_peak_bytes != nil }
        return ["", "patch search: \(Grouped.text(candidates.count)) candidates (split x grid); est. peak = the arena's "
                    + "lower bound under the kernels' sharing rules",
                "Pareto front (est. peak vs MAC overhead, \(front.count) candidates):", table(front),
                "placed by the planners (\(placed.count)):", table(placed)]
    }
}
