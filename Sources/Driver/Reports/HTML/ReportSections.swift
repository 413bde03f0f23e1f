import IR

/// The report's larger sections: the memory plan, the layer table, operator totals and the fit
/// matrix.
enum ReportSections {
    /// The chart, the plan's facts, and every buffer (folded away by default).
    static func memory(_ r: ModelReport) -> [Markup] {
        let p = r.plan
        let facts: [(String, String)] = [
            ("arena", "\(Grouped.text(p.arena_bytes)) B, placed by \(p.planner)"
                + (p.proven_optimal ? " (optimal for these buffers)" : "")),
            ("lower bound", "\(Grouped.text(p.lower_bound_bytes)) B under the kernels' sharing rules; "
                + "\(Grouped.text(p.liveness_bound_bytes)) B if no kernel shared bytes"),
            ("static buffers", "\(Grouped.text(p.static_bytes)) B (kernel state outside the arena)"),
            ("inputs and outputs", p.external_io
                ? "in the application's buffers (--external-io): \(Grouped.text(p.io_buffer_bytes)) B, counted in the peak SRAM"
                : "in the arena, written and read in place (<prefix>_input / <prefix>_output, zero-copy); passing the "
                    + "application's own buffers to <prefix>_invoke would need \(Grouped.text(p.io_buffer_bytes)) B more"),
            ("memory regions", p.regions.isEmpty ? "one arena (the target lists no memory regions)"
                : p.regions.map { "\($0.name) \(Grouped.text($0.bytes)) of \(Grouped.text($0.capacity_bytes ?? $0.bytes)) B" }
                    .joined(separator: ", ") + " (the most-used buffers in the fastest)"),
            ("planners tried", p.candidates.map { "\($0.planner) \(Grouped.text($0.arena_bytes))" }.joined(separator: ", ")),
        ]
        let chart = PlanSVG.svg(PlanSVG.chartInput(p, budget: r.plan.verdict.sram_budget_bytes), id: "plan")
        return [.el("section", [("id", "memory")], [
            .el("h2", text: "Memory plan"),
            .el("p", [("class", "note")], text: "Every activation buffer over the schedule: x is the step (operator) "
                + "during which a buffer is live, y its place in the arena. Boxes that overlap share bytes a kernel's "
                + "contract lets it overwrite (in-place and streaming kernels). Hover a box for its exact range."),
            .el("div", [("class", "scroll")], [chart]),
            .el("dl", [("class", "facts")], facts.flatMap { [Markup.el("dt", text: $0.0), .el("dd", text: $0.1)] }),
            .el("details", [], [.el("summary", text: "All \(p.buffers.count) buffers"), buffers(p)]),
        ])]
    }

    static func buffers(_ p: PlanReport) -> Markup {
        let columns: [HTMLTable.Column] = [
            .init(title: "tensor", numeric: true), .init(title: "name"), .init(title: "kind"),
            .init(title: "offset", numeric: true), .init(title: "end", numeric: true), .init(title: "bytes", numeric: true),
            .init(title: "steps", numeric: true), .init(title: "shares with", numeric: true,
                                                        help: "the tensor whose bytes it overlaps: a view's base, or the input its kernel may overwrite"),
        ]
        let rows = p.buffers.sorted { ($0.offset, $0.first_step, $0.tensor) < ($1.offset, $1.first_step, $1.tensor) }.map { b in
            [b.tensor >= 0 ? HTMLTable.number(b.tensor) : HTMLTable.text("-", "num"), HTMLTable.text(b.name, "name"),
             HTMLTable.text(b.kind), HTMLTable.number(b.offset), HTMLTable.number(b.offset + b.bytes),
             HTMLTable.number(b.bytes), HTMLTable.text("\(b.first_step)-\(b.last_step)", "num"),
             HTMLTable.number(b.shares_with)]
        }
        return .el("div", [("class", "table-scroll tall")], [HTMLTable.table(columns, rows: rows)])
    }

    /// One row per schedule step, like ST's per-layer analysis: shapes, MACs and weights with
    /// their share of the total, the SRAM live during the step, the kernel.
    static func layers(_ r: ModelReport) -> [Markup] {
        let measured = r.layers.contains { $0.instructions != nil }
        var columns: [HTMLTable.Column] = [
            .init(title: "step", numeric: true), .init(title: "op", numeric: true), .init(title: "type"),
            .init(title: "input shapes"), .init(title: "output shape"), .init(title: "MACs", numeric: true),
            .init(title: "weights (B)", numeric: true, help: "constant operands of the op in the model (weights, biases)"),
            .init(title: "live (B)", numeric: true, help: "bytes of buffers live during the step"),
            .init(title: "high water (B)", numeric: true, help: "highest arena byte in use during the step"),
            .init(title: "scratch (B)", numeric: true), .init(title: "kernel"),
        ]
        if measured { columns.append(.init(title: "instructions", numeric: true)) }
        let weights = max(r.layers.reduce(0) { $0 + $1.weightBytes }, 1)
        var rows = r.layers.map { l -> [Markup] in
            var cells = [HTMLTable.number(l.step), HTMLTable.number(l.opIndex), HTMLTable.text(l.type),
                         HTMLTable.text(l.inputShapes.joined(separator: ", "), "mono"), HTMLTable.text(l.outputShape, "mono"),
                         HTMLTable.meter(l.macs, of: max(r.totalMACs, 1), label: Grouped.text(l.macs)),
                         HTMLTable.meter(l.weightBytes, of: weights, label: Grouped.text(l.weightBytes), style: "weights"),
                         HTMLTable.meter(l.liveBytes, of: max(r.plan.arena_bytes, 1), label: Grouped.text(l.liveBytes)),
                         HTMLTable.number(l.highWaterBytes), HTMLTable.number(l.scratchBytes), HTMLTable.text(l.kernel, "mono")]
            if measured { cells.append(HTMLTable.number(l.instructions)) }
            return cells
        }
        var total = [HTMLTable.text(""), HTMLTable.text(""), HTMLTable.text("total"), HTMLTable.text(""), HTMLTable.text(""),
                     HTMLTable.number(r.totalMACs), HTMLTable.number(r.layers.reduce(0) { $0 + $1.weightBytes }),
                     HTMLTable.number(r.plan.lower_bound_bytes), HTMLTable.number(r.plan.arena_bytes),
                     HTMLTable.number(r.layers.map(\.scratchBytes).max() ?? 0), HTMLTable.text("")]
        if measured { total.append(HTMLTable.number(r.layers.compactMap(\.instructions).reduce(0, +))) }
        rows.append(total)
        let classes = Array(repeating: String?.none, count: r.layers.count) + ["total"]
        return [.el("section", [("id", "layers")], [
            .el("h2", text: "Layers"),
            .el("p", [("class", "note")], text: "In execution order. Bars show each layer's share of the model's MACs and "
                + "weights, and its live bytes against the arena. The total row gives the most live bytes at one step "
                + "(the lower bound), the arena, and the largest scratch."
                + (r.measuredOn.map { " Instructions: one seeded inference counted on \($0) under QEMU, step by step "
                    + "(the I/O copies and call overhead outside the steps are not in the total)." }
                    ?? " Instructions appear when the report is made with --on qemu (a Cortex-M core under QEMU).")),
            .el("div", [("class", "table-scroll")], [HTMLTable.table(columns, rows: rows, rowClasses: classes, id: "layer-table")]),
        ])]
    }

    /// Operator types by MACs.
    static func operatorTypes(_ r: ModelReport) -> [Markup] {
        let weights = max(r.opTypes.reduce(0) { $0 + $1.weightBytes }, 1)
        let columns: [HTMLTable.Column] = [.init(title: "type"), .init(title: "count", numeric: true),
                                           .init(title: "MACs", numeric: true), .init(title: "% MACs", numeric: true),
                                           .init(title: "weights (B)", numeric: true)]
        let rows = r.opTypes.map { t -> [Markup] in
            [HTMLTable.text(t.type), HTMLTable.number(t.count),
             HTMLTable.meter(t.macs, of: max(r.totalMACs, 1), label: Grouped.text(t.macs)),
             HTMLTable.text(HTMLTable.percent(t.macs, of: r.totalMACs), "num"),
             HTMLTable.meter(t.weightBytes, of: weights, label: Grouped.text(t.weightBytes), style: "weights")]
        }
        return [.el("section", [("id", "optypes")], [.el("h2", text: "Operators by type"), HTMLTable.table(columns, rows: rows)])]
    }

    /// Every target of the catalog with SRAM and Flash against its budget.
    static func fit(_ r: ModelReport) -> [Markup] {
        let columns: [HTMLTable.Column] = [
            .init(title: "target"), .init(title: "core"), .init(title: "MHz", numeric: true),
            .init(title: "SRAM used / budget", numeric: true), .init(title: "SRAM %", numeric: true),
            .init(title: "Flash used / budget", numeric: true), .init(title: "Flash %", numeric: true), .init(title: "verdict"),
        ]
        let rows = r.fits.map { target, v -> [Markup] in
            [HTMLTable.text(target.name), HTMLTable.text(target.core.rawValue), HTMLTable.number(target.clockMHz),
             HTMLTable.text("\(Grouped.text(v.sram_used_bytes)) / \(Grouped.text(v.sram_budget_bytes))", "num"),
             HTMLTable.meter(v.sram_used_bytes, of: v.sram_budget_bytes, label: HTMLTable.percent(v.sram_used_bytes, of: v.sram_budget_bytes),
                             style: v.sram_used_bytes > v.sram_budget_bytes ? "over" : ""),
             HTMLTable.text("\(Grouped.text(v.flash_used_bytes)) / \(Grouped.text(v.flash_budget_bytes))", "num"),
             HTMLTable.meter(v.flash_used_bytes, of: v.flash_budget_bytes, label: HTMLTable.percent(v.flash_used_bytes, of: v.flash_budget_bytes),
                             style: v.fits_flash ? "weights" : "over"),
             .el("td", [("class", "verdict \(v.fits ? "fits" : "nofit")")],
                 text: v.fits ? "fits" : ReportPage.fitReason(v))]
        }
        let classes = r.fits.map { $0.target.name == r.target.name ? "chosen" : nil }
        return [.el("section", [("id", "fit")], [
            .el("h2", text: "Fit on every target"),
            .el("p", [("class", "note")], text: "Budgets are each device's RAM and Flash minus what its target file "
                + "reserves for the application (stack, heap, bootloader). The highlighted row is the report's target."),
            HTMLTable.table(columns, rows: rows, rowClasses: classes),
        ] + r.fits.compactMap { $0.verdict.regionsLine }.map { Markup.el("p", [("class", "note")], text: $0) })]
    }
}
