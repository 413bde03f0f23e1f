import IR
import Lowering
import MemoryPlanning

extension PlanReport {
    /// The human-readable `mcuc plan` output: the per-step table, the arena chart, the bounds,
    /// the SRAM and Flash totals and the verdict against the target.
    public func renderText(planned: PlannedModel, target: Target) -> String {
        let graph = planned.graph
        var out = ["model: \(DisplayText.escaped(model))",
                   "target: \(target.name) (\(DisplayText.escaped(target.summary)); \(target.core.rawValue) "
                       + "\(target.clockMHz) MHz)"]
        out += graph_rewrites.map { "rewrite: \($0)" }
        if !graph_rewrites.isEmpty { out.append("(op indices below are those of the rewritten graph)") }
        if let patch { out += patch.renderText(graph: graph) }
        out.append(planned.kernelChoice.summary)
        out.append("")
        var table = TextTable(headers: ["step", "op", "type", "kernel", "live bytes", "high water"],
                              rightAligned: [0, 1, 4, 5])
        for s in steps {
            table.add([String(s.step), String(s.op_index), s.op_name, s.kernel, Grouped.text(s.live_bytes),
                       Grouped.text(s.high_water_bytes)])
        }
        out.append(table.render())
        out.append("")
        let labels = steps.map { "op \($0.op_index) \($0.op_name)" }
        out.append(ArenaChart.render(planned.memory, graph: graph, labels: labels))
        out += summaryLines()
        out.append(verdict.line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Arena, bounds, planner, SRAM and Flash lines.
    func summaryLines() -> [String] {
        let tried = candidates.map { "\($0.planner) \(Grouped.text($0.arena_bytes))" }.joined(separator: ", ")
        return [
            regions.isEmpty ? "arena: \(Grouped.text(arena_bytes)) bytes by \(planner)"
                + (proven_optimal ? " (optimal for these buffers)" : "") + "; tried: \(tried)"
                : "arena: \(Grouped.text(arena_bytes)) bytes in \(regions.count) memory region(s): " + regions.map {
                    "\($0.name) \(Grouped.text($0.bytes)) of \(Grouped.text($0.capacity_bytes ?? $0.bytes))"
                }.joined(separator: ", ") + " (the hottest buffers in the fastest); one arena would take: \(tried)",
            "lower bound: \(Grouped.text(lower_bound_bytes)) bytes under the kernels' sharing rules, "
                + "\(Grouped.text(liveness_bound_bytes)) bytes without sharing",
            sramLine,
            MemoryText.sram(sram_bytes),
            flashLine(),
        ]
    }

    /// What SRAM the firmware needs, in the mode it was planned for and the alternative.
    var sramLine: String {
        let base = "SRAM the firmware needs: \(Grouped.text(peak_sram_bytes)) bytes = arena \(Grouped.text(arena_bytes)) + static "
            + "\(Grouped.text(static_bytes))" + (state_bytes > 0 ? " + state \(Grouped.text(state_bytes))" : "")
        if external_io {
            return base + " + its input and output buffers \(Grouped.text(io_buffer_bytes)) (--external-io)"
        }
        return base + ", inputs written and outputs read in the arena (<prefix>_input/_output, zero-copy); "
            + "\(Grouped.text(sram_with_own_io_buffers_bytes)) bytes if it passes its own buffers to <prefix>_invoke "
            + "(+\(Grouped.text(io_buffer_bytes)))"
    }

    /// The Flash total and its parts: from the ELF (constants, of which tables and parameter
    /// blocks, and code) or estimated.
    func flashLine() -> String {
        let f = flash_bytes
        let tables = "weights \(Grouped.text(f.weight_tensors)) + biases \(Grouped.text(f.biases)) + multipliers/shifts "
            + "\(Grouped.text(f.requantization)) + index tables \(Grouped.text(f.index_tables))"
        guard f.exact else { return "Flash: \(Grouped.text(f.total)) bytes = \(tables) + code ~\(Grouped.text(f.code)) (estimate)" }
        let blocks = f.constants - f.weights
        let library = f.library_code.map { "; + \(Grouped.text($0)) of C library helpers" } ?? ""
        return "Flash: \(Grouped.text(f.total)) bytes = constants \(Grouped.text(f.constants)) (\(tables) + parameter blocks "
            + "and padding \(Grouped.text(blocks))) + code \(Grouped.text(f.code)) (from the ELF\(library))"
    }
}
