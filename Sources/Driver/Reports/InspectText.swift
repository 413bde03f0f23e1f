import IR

extension InspectReport {
    /// The human-readable `mcuc inspect` output: an op table, then totals, I/O and unsupported ops.
    public func renderText(graph: Graph) -> String {
        var out: [String] = ["model: \(DisplayText.escaped(model))", ""]
        var table = TextTable(headers: ["#", "op", "inputs", "output", "options", "MACs", "weights"],
                              rightAligned: [0, 5, 6])
        for (row, node) in zip(ops, graph.nodes) {
            let activations = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant }
            let inputs = activations.map { Self.tensorText(graph[$0]) }.joined(separator: " ")
            let output = node.outputs.map { Self.tensorText(graph[$0]) }.joined(separator: " ")
            let options = node.op.attributeSummary.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            table.add([String(row.index), row.type, inputs, output, options,
                       Self.grouped(row.macs), Self.grouped(row.weight_bytes)])
        }
        out.append(table.render())
        out.append("")
        out.append("ops: \(ops.count) (" + op_counts.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }
            .joined(separator: ", ") + ")")
        out.append("MACs: \(Self.grouped(macs))")
        out.append("weights: \(Self.grouped(weight_bytes)) bytes")
        if let largest = largest_activation {
            out.append("largest activation: tensor \(largest.tensor) '\(DisplayText.escaped(largest.name))', \(Self.grouped(largest.bytes)) bytes")
        }
        for (label, list) in [("input", inputs), ("output", outputs)] {
            for (i, t) in list.enumerated() {
                let q = t.scale.map { " scale \($0) zero_point \(t.zero_point ?? 0)" } ?? " (not quantized)"
                out.append("\(label) \(i): tensor \(t.tensor) '\(DisplayText.escaped(t.name))' \(t.dtype)\(Shape(t.shape))\(q)")
            }
        }
        if unsupported.isEmpty {
            out.append("supported: every op")
        } else {
            out.append("not supported by mcuc (\(unsupported.count) ops):")
            out += unsupported.map { "  \($0.reason)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `int8[1,48,48,8]`.
    static func tensorText(_ t: Tensor) -> String {
        "\(t.type)[" + t.shape.dims.map(String.init).joined(separator: ",") + "]"
    }

    /// `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0, ch != "-" { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
