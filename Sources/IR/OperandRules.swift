/// Per-op operand rules: which element types each operand may have, and the structural checks
/// (operand counts, ranks, matching shapes) the int8 kernels rely on.
enum OperandRules {
    static func allowedTypes(for op: Op, role: SupportCheck.Role, isConstant: Bool) -> Set<DataType> {
        switch (op, role) {
        case (.quantize, .input(0)): return [.float32, .int8]
        case (.dequantize, .output(0)): return [.float32]
        case (.conv2d, .input(2)), (.depthwiseConv2d, .input(2)), (.fullyConnected, .input(2)): return [.int32]
        case (.mean, .input(1)), (.pad, .input(1)), (.transpose, .input(1)), (.reshape, .input(1)),
             (.resizeNearestNeighbor, .input(1)):
            return [.int32]
        case (.padV2, .input(1)): return [.int32]
        case (.stridedSlice, .input(1)), (.stridedSlice, .input(2)), (.stridedSlice, .input(3)): return [.int32]
        default: return [.int8]
        }
    }

    /// Structural problems of a node whose operand types are already valid.
    static func problem(with node: Node, in graph: Graph, place: ErrorLocation) -> CompileError? {
        let (minInputs, maxInputs) = operandCounts(node.op)
        let present = node.inputs.count
        guard present >= minInputs, present <= maxInputs else {
            return CompileError(.malformed, "has \(present) inputs; \(node.op.name) takes \(minInputs)...\(maxInputs)", at: place)
        }
        guard node.outputs.count == 1 else {
            return CompileError(.malformed, "has \(node.outputs.count) outputs; \(node.op.name) has 1", at: place)
        }
        for position in 0..<minInputs where node.input(position) == nil {
            return CompileError(.malformed, "required input \(position) is missing", at: place)
        }
        return OpChecks.problem(with: node, in: graph, place: place)
    }

    /// (min, max) number of input operands per op.
    static func operandCounts(_ op: Op) -> (Int, Int) {
        switch op {
        case .conv2d, .depthwiseConv2d, .fullyConnected: (2, 3)
        case .add, .sub, .mul: (2, 2)
        case .mean, .pad, .transpose, .resizeNearestNeighbor: (2, 2)
        case .padV2: (2, 3)
        case .reshape: (1, 2)
        case .stridedSlice: (4, 4)
        case .concatenation: (1, Int.max)
        default: (1, 1)
        }
    }
}
