/// Decides whether mcuc can compile a graph: every node's op is implemented, its operands have
/// the counts, element types and quantization the int8 kernels require, the op's own checks
/// (`OperatorDefinition.check`) pass, and the graph's inputs and outputs are types the emitted API
/// exchanges. Every limit `plan`, `fit` and `compile` enforce is here, so they accept and reject
/// the same models.
///
/// Every problem names the op index, op name and, where one is at fault, the tensor.
public enum SupportCheck {
    /// Every problem found, in node order, then the graph's inputs and outputs (empty when the
    /// whole graph is supported).
    public static func problems(in graph: Graph) -> [CompileError] {
        graph.nodes.compactMap { problem(with: $0, in: graph) } + interfaceProblems(graph)
    }

    /// Element types of graph inputs the emitted `<prefix>_invoke` takes (int16: 16-bit
    /// activations, TFLM's int16x8).
    public static let interfaceInputTypes: Set<DataType> = [.int8, .int16, .float32]
    /// Element types of graph outputs it returns (int32: ARG_MAX / ARG_MIN indices).
    public static let interfaceOutputTypes: Set<DataType> = [.int8, .int16, .float32, .int32]

    /// Graph inputs and outputs the emitted `<prefix>_invoke` cannot take: int8, int16 and
    /// float32 inputs (int32 inputs too where every reader takes them as indices,
    /// `Graph.indexBound(of:)`), int8, int16, float32 and int32 outputs.
    static func interfaceProblems(_ graph: Graph) -> [CompileError] {
        let roles = graph.inputs.enumerated().map { ("input", $0.offset, $0.element, interfaceInputTypes) }
            + graph.outputs.enumerated().map { ("output", $0.offset, $0.element, interfaceOutputTypes) }
        return roles.compactMap { role, k, id, allowed in
            let t = graph[id]
            guard !allowed.contains(t.type) else { return nil }
            if role == "input", t.type == .int32, graph.indexBound(of: id) != nil { return nil }
            let kinds = allowed.map(\.description).sorted().joined(separator: ", ")
            return CompileError(.unsupported, "graph \(role) \(k) has type \(t.type); the emitted API takes \(kinds) \(role)s",
                                at: ErrorLocation(tensor: id, tensorName: t.name))
        }
    }

    /// Throws the first problem.
    public static func verify(_ graph: Graph) throws(CompileError) {
        if let first = problems(in: graph).first { throw first }
    }

    /// Why mcuc does not build some operators TFLM has: the reason is TFLM's own.
    public static let knownRefusals = [
        "NEG": "TFLM's NEG has no int8 kernel (float32 and int32 only)",
    ]

    /// The first problem with `node`, or nil if mcuc supports it.
    public static func problem(with node: Node, in graph: Graph) -> CompileError? {
        let place = ErrorLocation(node: node.id, opName: node.op.name)
        guard let definition = node.op.definition else {
            let why = knownRefusals[node.op.name].map { ": " + $0 } ?? ""
            return CompileError(.unsupported, "operator \(node.op.name) is not supported by mcuc\(why)", at: place)
        }
        if let activation = definition.fusedActivation, !activation.isClamp {
            return CompileError(.unsupported, "fused activation \(activation) is not supported", at: place)
        }
        for (position, id) in node.inputs.enumerated() {
            guard let id else { continue }
            if let error = checkOperand(graph[id], role: .input(position), definition, place: place) { return error }
        }
        for (position, id) in node.outputs.enumerated() {
            if let error = checkOperand(graph[id], role: .output(position), definition, place: place) { return error }
        }
        if let error = operandCountProblem(node, definition, place: place) { return error }
        do {
            try definition.check(OpOperands(node: node, graph: graph))
            return nil
        } catch {
            return error
        }
    }

    /// Operand counts, and every required input present.
    static func operandCountProblem(_ node: Node, _ definition: any OperatorDefinition,
                                    place: ErrorLocation) -> CompileError? {
        let counts = type(of: definition).inputCounts
        let present = node.inputs.count
        guard counts.contains(present) else {
            let most = counts.upperBound == Int.max ? "" : "\(counts.upperBound)"
            return CompileError(.malformed, "has \(present) inputs; \(node.op.name) takes \(counts.lowerBound)...\(most)",
                                at: place)
        }
        let outputs = type(of: definition).outputCounts
        guard outputs.contains(node.outputs.count) else {
            let most = outputs.upperBound == Int.max ? "" : "\(outputs.upperBound)"
            let expected = outputs.count == 1 ? "\(outputs.lowerBound)" : "\(outputs.lowerBound)...\(most)"
            return CompileError(.malformed, "has \(node.outputs.count) outputs; \(node.op.name) has \(expected)", at: place)
        }
        for position in 0..<type(of: definition).requiredInputs where node.input(position) == nil {
            return CompileError(.malformed, "required input \(position) is missing", at: place)
        }
        return nil
    }

    /// Element type and quantization rules shared by all ops.
    static func checkOperand(_ tensor: Tensor, role: OperandRole, _ definition: any OperatorDefinition,
                             place: ErrorLocation) -> CompileError? {
        var at = place
        at.tensor = tensor.id
        at.tensorName = tensor.name
        let allowed = definition.allowedTypes(role)
        guard allowed.contains(tensor.type) else {
            let kinds = allowed.map(\.description).sorted().joined(separator: " or ")
            return CompileError(.unsupported, "\(role) has type \(tensor.type); mcuc supports \(kinds) here", at: at)
        }
        if tensor.packedInt4, !definition.acceptsPackedInt4(role) {
            let why = "TFLM takes int4 only as the filter of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED"
            return CompileError(.unsupported, "\(role) is int4-packed; \(why)", at: at)
        }
        guard tensor.shape.elementCount <= Int(Int32.max) else {
            return CompileError(.unsupported, "\(role) has \(tensor.shape.elementCount) elements; the kernels count in int32",
                                at: at)
        }
        // int8 tensors and int16 activations (16-bit activations; int16 constants and state, such
        // as SVDF's weights_time and LSTM's cell state, are checked by their op).
        let quantized = tensor.type == .int8 || (tensor.type == .int16 && !tensor.isConstant && !tensor.isVariable)
        guard quantized, let range = quantizedRange(tensor.type) else { return nil }
        guard let q = tensor.quant, q.scale.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return CompileError(.unsupported, "\(role) has no valid quantization (scale must be > 0)", at: at)
        }
        if !tensor.isConstant, !q.isPerTensor {
            return CompileError(.unsupported, "\(role) is an activation with per-channel quantization", at: at)
        }
        if q.zeroPoint.contains(where: { !range.contains($0) }) {
            return CompileError(.malformed, "\(role) has an \(tensor.type) zero point outside [\(range.lowerBound), \(range.upperBound)]",
                                at: at)
        }
        return nil
    }

    /// The values of a quantized integer type: [-128, 127] for int8, [-32768, 32767] for int16.
    public static func quantizedRange(_ type: DataType) -> ClosedRange<Int32>? {
        switch type {
        case .int8: Int32(Int8.min)...Int32(Int8.max)
        case .int16: Int32(Int16.min)...Int32(Int16.max)
        default: nil
        }
    }
}
