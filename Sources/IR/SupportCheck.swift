/// Decides whether mcuc can compile each node: the op is implemented, and its operands have the
/// element types and quantization the int8 kernels require.
///
/// Every problem names the op index, op name and, where one is at fault, the tensor.
public enum SupportCheck {
    /// Every problem found, in node order (empty when the whole graph is supported).
    public static func problems(in graph: Graph) -> [CompileError] {
        graph.nodes.compactMap { problem(with: $0, in: graph) }
    }

    /// Throws the first problem.
    public static func verify(_ graph: Graph) throws(CompileError) {
        if let first = problems(in: graph).first { throw first }
    }

    /// The first problem with `node`, or nil if mcuc supports it.
    public static func problem(with node: Node, in graph: Graph) -> CompileError? {
        let place = ErrorLocation(node: node.id, opName: node.op.name)
        guard node.op.isSupported else {
            return CompileError(.unsupported, "operator \(node.op.name) is not supported by mcuc", at: place)
        }
        if let activation = node.op.fusedActivation, !activation.isClamp {
            return CompileError(.unsupported, "fused activation \(activation) is not supported", at: place)
        }
        for (position, id) in node.inputs.enumerated() {
            guard let id else { continue }
            if let error = checkOperand(graph[id], role: .input(position), of: node, place: place) { return error }
        }
        for (position, id) in node.outputs.enumerated() {
            if let error = checkOperand(graph[id], role: .output(position), of: node, place: place) { return error }
        }
        return OperandRules.problem(with: node, in: graph, place: place)
    }

    enum Role { case input(Int), output(Int) }

    /// Element type and quantization rules shared by all ops.
    static func checkOperand(_ tensor: Tensor, role: Role, of node: Node, place: ErrorLocation) -> CompileError? {
        var at = place
        at.tensor = tensor.id
        at.tensorName = tensor.name
        let allowed = OperandRules.allowedTypes(for: node.op, role: role, isConstant: tensor.isConstant)
        guard allowed.contains(tensor.type) else {
            let kinds = allowed.map(\.description).sorted().joined(separator: " or ")
            return CompileError(.unsupported, "\(roleText(role)) has type \(tensor.type); mcuc supports \(kinds) here", at: at)
        }
        guard tensor.type == .int8 else { return nil }
        guard let q = tensor.quant, q.scale.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return CompileError(.unsupported, "\(roleText(role)) has no valid quantization (scale must be > 0)", at: at)
        }
        if !tensor.isConstant, !q.isPerTensor {
            return CompileError(.unsupported, "\(roleText(role)) is an activation with per-channel quantization", at: at)
        }
        if q.zeroPoint.contains(where: { $0 < -128 || $0 > 127 }) {
            return CompileError(.malformed, "\(roleText(role)) has an int8 zero point outside [-128, 127]", at: at)
        }
        return nil
    }

    static func roleText(_ role: Role) -> String {
        switch role {
        case .input(let i): "input \(i)"
        case .output(let i): "output \(i)"
        }
    }
}
