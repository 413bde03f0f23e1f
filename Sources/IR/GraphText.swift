/// The stable, human-readable text form of a `Graph` (used by `--dump-after` and golden tests).
///
/// One line per tensor that is not a constant, one per constant (with its byte count instead of
/// its data), one per node. Names are escaped so the form is always one record per line.
public enum GraphText {
    /// Renders `graph`. The same graph always gives the same text.
    public static func render(_ graph: Graph) -> String {
        var lines: [String] = []
        lines.append("graph inputs=\(list(graph.inputs)) outputs=\(list(graph.outputs))")
        for tensor in graph.tensors {
            lines.append(tensorLine(tensor))
        }
        for node in graph.nodes {
            let attrs = node.op.attributeSummary.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let inputs = node.inputs.map { $0.map(\.description) ?? "-" }.joined(separator: ", ")
            lines.append("\(node.id) \(node.op.name)(\(attrs)) (\(inputs)) -> \(list(node.outputs))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ ids: [TensorID]) -> String {
        "(" + ids.map(\.description).joined(separator: ", ") + ")"
    }

    static func tensorLine(_ tensor: Tensor) -> String {
        var line = "\(tensor.id) \(tensor.type) \(tensor.shape)"
        if let q = tensor.quant { line += " " + quantText(q) }
        if let data = tensor.data { line += " const(\(data.count) bytes)" }
        if tensor.isVariable { line += " variable" }
        line += " \"\(DisplayText.escaped(tensor.name))\""
        return line
    }

    /// `q(s=0.0039215689 zp=-128)` or `q(axis=0 n=8)` for per-channel parameters.
    public static func quantText(_ q: QuantParams) -> String {
        if let axis = q.axis { return "q(axis=\(axis) n=\(q.scale.count))" }
        return "q(s=\(q.scale[0]) zp=\(q.zeroPoint[0]))"
    }
}
