import IR
import Lowering
import MemoryPlanning

/// Formats one `KernelCall` as C: its parameter block, constant tables and the call statement.
/// Makes no decisions: the kernel, the window (with any folded PAD) and the overlap come from
/// `Lowering`, the offsets from `MemoryPlanning`, the multipliers from `IR`'s recipes.
struct CallEmitter {
    let graph: Graph
    let call: KernelCall
    let locations: TensorLocations
    let memory: MemoryPlan
    let prefix: String

    var node: Node { graph[call.node] }
    var output: TensorID { node.outputs[0] }
    /// The external name of the call's parameter block.
    var parametersName: String { "\(prefix)_op\(call.node.index)" }

    /// A file-local table name for this call (`op3_bias`).
    func tableName(_ what: String) -> String { "op\(call.node.index)_\(what)" }

    /// The table name of a constant tensor read as data (external: the invoke function names it).
    static func constantName(_ tensor: TensorID, prefix: String) -> String { "\(prefix)_t\(tensor.index)_data" }

    /// Pointer expression to `tensor` (constants by their table name).
    func pointer(_ tensor: TensorID) -> String { locations.pointer(tensor) { Self.constantName($0, prefix: prefix) } }

    /// The operand at `position` (present by `SupportCheck`).
    func operand(_ position: Int) -> TensorID {
        guard let id = node.input(position) else { preconditionFailure("\(node.id) lacks operand \(position)") }
        return id
    }

    /// Tables for the constant tensors among `tensors` (read as data by a kernel).
    func constantTables(_ tensors: [TensorID]) -> [CTable] { Self.constantTablesFor(graph: graph, tensors, prefix: prefix) }

    /// Tables for the constant tensors among `tensors`, by tensor.
    static func constantTablesFor(graph: Graph, _ tensors: [TensorID], prefix: String) -> [CTable] {
        tensors.filter { graph[$0].isConstant }.map { id in
            let tensor = graph[id]
            let bytes = tensor.data ?? []
            let values: CTable.Values = tensor.type == .int8 ? .int8(bytes.map { Int8(bitPattern: $0) }) : .bytes(bytes)
            return CTable(name: Self.constantName(id, prefix: prefix), values: values,
                          comment: "constant t\(id.index) '\(CName.comment(tensor.name))' \(tensor.type)\(tensor.shape)",
                          isExternal: true)
        }
    }

    /// Per-tensor quantization of `tensor` (checked present by `SupportCheck`).
    func quant(_ tensor: TensorID) -> QuantParams {
        guard let q = graph[tensor].quant else { preconditionFailure("\(tensor) is not quantized") }
        return q
    }

    /// The int32 elements of a constant operand.
    func int32Values(_ tensor: TensorID) -> [Int32] {
        guard let value = TensorValue(constant: graph[tensor]), case .int32(let v) = value.storage else {
            preconditionFailure("\(tensor) is not a constant int32 tensor")
        }
        return v
    }

    /// A call of `function` with the parameter block and `arguments`.
    func statement(_ function: String, _ arguments: [String]) -> String {
        "\(function)(" + (["&\(parametersName)"] + arguments).joined(separator: ", ") + ");"
    }

    /// An error at this call's node.
    func error(_ message: String) -> CompileError {
        CompileError(.unsupported, message, at: ErrorLocation(node: node.id, opName: node.op.name))
    }

    /// The call's C.
    func emit() throws(CompileError) -> EmittedCall {
        switch call.kernel {
        case .conv1x1, .convGeneric: return convolution()
        case .depthwiseGeneric(let w), .depthwiseInPlace(let w): return depthwise(w)
        case .fullyConnected: return fullyConnected()
        case .elementwiseBinary: return try binary()
        case .elementwiseUnary: return unary()
        case .softmax: return softmax()
        case .pool(let w): return pool(w)
        case .mean: return try mean()
        case .pad: return try pad()
        case .transpose: return try transpose()
        case .stridedSlice: return try stridedSlice()
        case .resizeNearestNeighbor: return resize()
        case .concatenationCopy: return concatenation()
        case .copy: return copy()
        case .reshapeAlias: return EmittedCall(detail: "a view of the input's bytes, no code")
        case .concatenationBySlices: return EmittedCall(detail: "producers wrote their slices, no code")
        case .padFolded: return EmittedCall(detail: "folded into its consumer's window, no code")
        }
    }

    /// RESHAPE / SQUEEZE that must copy.
    func copy() -> EmittedCall {
        let input = operand(0)
        let source = pointer(input), destination = pointer(output)
        let bytes = graph[output].byteCount ?? 0
        var result = EmittedCall(detail: "copy", tables: constantTables([input]))
        if source != destination, bytes > 0 {
            result.statements = ["memcpy(\(destination), \(source), \(bytes));"]
        }
        return result
    }
}
