import IR
import Lowering
import MemoryPlanning

/// Renders one `KernelCall` as C: its statement, its parameter struct and its constant tables.
/// Decides nothing: the function, params, tables and arguments come from `Lowering`, the offsets
/// from `MemoryPlanning`.
struct CallRenderer {
    let graph: Graph
    let locations: TensorLocations
    let memory: MemoryPlan
    let prefix: String

    /// What one call contributes to the emitted files.
    struct Rendered {
        /// Statements of the step inside `<prefix>_invoke` (each one line of C).
        var statements: [String] = []
        var block: ParameterBlock?
        var tables: [CTable] = []
        /// The runtime kernel the call runs (its family's header and variant's source are emitted).
        var function: KernelFunction?
    }

    func render(_ call: KernelCall) -> Rendered {
        guard let binding = call.binding else { return Rendered() }
        let tables = binding.tables.map { TableNaming(graph: graph, prefix: prefix).table($0) }
        let arguments = binding.arguments.map { argument(call, $0) }
        switch binding.callee {
        case .copy(let bytes):
            return Rendered(statements: ["memcpy(" + (arguments + ["\(bytes)"]).joined(separator: ", ") + ");"],
                            tables: tables)
        case .kernel(let function):
            guard let params = binding.params else { preconditionFailure("kernel \(function.symbol) without params") }
            let name = "\(prefix)_op\(call.node.index)"
            let invocation = "\(function.symbol)(" + (["&\(name)"] + arguments).joined(separator: ", ") + ")"
            return Rendered(statements: ["MCUC_TRY(\(invocation));"], block: block(params, name: name), tables: tables,
                            function: function)
        }
    }

    /// The C expression of one argument after the parameter struct.
    func argument(_ call: KernelCall, _ argument: KernelBinding.Argument) -> String {
        switch argument {
        case .tensor(let t): return pointer(t)
        case .tensors(let ts): return "(const \(elementType(ts)) *const[]){ " + ts.map(pointer).joined(separator: ", ") + " }"
        case .outputs(let ts): return "(\(elementType(ts)) *const[]){ " + ts.map(pointer).joined(separator: ", ") + " }"
        case .scratch:
            guard let request = memory.requests.first(where: { $0.scratchOf == call.node }) else {
                preconditionFailure("no scratch planned for \(call.node)")
            }
            return locations.arenaPointer(memory.offsets[request.id], float: false)
        case .patchRows(let table, let entry):
            return "\(TableNaming(graph: graph, prefix: prefix).name(table)) + \(PatchLoopView.rowVariable) * \(entry)"
        case .patchCols(let table, let entry):
            return "\(TableNaming(graph: graph, prefix: prefix).name(table)) + \(PatchLoopView.colVariable) * \(entry)"
        }
    }

    /// The C element type of a list of tensors of one type (`int8_t` for int8 data).
    func elementType(_ tensors: [TensorID]) -> String {
        TensorLocations.elementType(of: tensors.first.map { graph[$0].type } ?? .int8)
    }

    /// Pointer expression to `tensor` (constants by their table name).
    func pointer(_ tensor: TensorID) -> String {
        locations.pointer(tensor) { TableNaming(graph: graph, prefix: prefix).name(.tensor($0)) }
    }

    /// The parameter struct's designated initializer, field by field in the typedef's order.
    func block(_ params: any KernelParams, name: String) -> ParameterBlock {
        let naming = TableNaming(graph: graph, prefix: prefix)
        let fields = params.cFields.map { field in
            ParameterField(field: field.name, value: CParamsLiteral.text(field.value) { naming.name($0) })
        }
        return ParameterBlock(type: type(of: params).cType, name: name, fields: fields)
    }
}

/// One field of a parameter struct: `.name = value`.
struct ParameterField: Sendable, Hashable {
    var field: String
    var value: String
}

/// The `const` parameter struct of one kernel call, defined in the weights file.
struct ParameterBlock: Sendable, Hashable {
    /// The struct type (`mcuc_conv2d_params`).
    var type: String
    /// The external name (`<prefix>_op3`).
    var name: String
    var fields: [ParameterField]
}

/// C literals of parameter-struct field values.
enum CParamsLiteral {
    /// The initializer text of `value`; table references are named by `tableName`.
    static func text(_ value: CFieldValue, tableName: (ConstantTable.ID) -> String) -> String {
        switch value {
        case .int32(let v): CWriter.int32Literal(v)
        case .float(let v): CWriter.floatLiteral(v)
        case .array(let v): CWriter.arrayLiteral(v.map(Int.init), size: RuntimeLimits.maxRank)
        case .table(let ref): tableName(ref.table)
        }
    }
}
