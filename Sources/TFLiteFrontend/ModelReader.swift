import CTFLite
import IR

/// Reads the tables of an open, verified model into IR values, checking every cross-reference.
struct ModelReader {
    let model: OpaquePointer
    let info: ctfl_model_info

    func description() -> String {
        let length = ctfl_description(model, nil, 0)
        guard length > 0 else { return "" }
        var bytes = [CChar](repeating: 0, count: Int(length))
        _ = ctfl_description(model, &bytes, length)
        return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func graphList(_ which: Int32, tensorCount: Int) throws(CompileError) -> [TensorID] {
        let kind = which == Int32(CTFL_LIST_INPUTS) ? "input" : "output"
        return try ids(ctflGraphList(which), tensorCount: tensorCount, what: "graph \(kind)")
    }

    private func ctflGraphList(_ which: Int32) -> [Int32] {
        let count = ctfl_graph_list(model, which, nil, 0)
        guard count > 0 else { return [] }
        var values = [Int32](repeating: 0, count: Int(count))
        _ = ctfl_graph_list(model, which, &values, count)
        return values
    }

    private func ids(_ raw: [Int32], tensorCount: Int, what: String) throws(CompileError) -> [TensorID] {
        var result: [TensorID] = []
        for value in raw {
            guard value >= 0, Int(value) < tensorCount else {
                throw CompileError(.malformed, "\(what) refers to tensor \(value), outside 0..<\(tensorCount)")
            }
            result.append(TensorID(Int(value)))
        }
        return result
    }

    // MARK: Operators

    func nodes(tensorCount: Int) throws(CompileError) -> [Node] {
        var result: [Node] = []
        result.reserveCapacity(Int(info.operator_count))
        for index in 0..<max(info.operator_count, 0) {
            result.append(try node(index, tensorCount: tensorCount))
        }
        return result
    }

    private func node(_ index: Int32, tensorCount: Int) throws(CompileError) -> Node {
        var raw = ctfl_operator()
        guard ctfl_operator_get(model, index, &raw) == CTFL_OK else {
            throw CompileError(.malformed, "operator \(index) cannot be read")
        }
        let (code, name) = try opcode(raw.opcode_index, operatorIndex: index)
        let place = ErrorLocation(node: NodeID(Int(index)), opName: name)
        do throws(CompileError) {
            let op = try OperatorDecoding.decode(name: name, code: code, model: model, index: index)
            var inputs: [TensorID?] = []
            for value in OperatorDecoding.intList(model, index, Int32(CTFL_LIST_INPUTS)) {
                if value == -1 {
                    inputs.append(nil)
                    continue
                }
                guard value >= 0, value < tensorCount else {
                    throw CompileError(.malformed, "input refers to tensor \(value), outside 0..<\(tensorCount)")
                }
                inputs.append(TensorID(value))
            }
            let outputs = try ids(OperatorDecoding.intList(model, index, Int32(CTFL_LIST_OUTPUTS)).map(Int32.init),
                                  tensorCount: tensorCount, what: "output")
            return Node(id: NodeID(Int(index)), op: op, inputs: inputs, outputs: outputs)
        } catch {
            var location = error.location
            location.node = place.node
            location.opName = place.opName
            throw CompileError(error.kind, error.message, at: location)
        }
    }

    /// The builtin code (`max(deprecated_builtin_code, builtin_code)`) and name of an opcode.
    private func opcode(_ opcodeIndex: Int32, operatorIndex: Int32) throws(CompileError) -> (Int32, String) {
        var code = ctfl_operator_code()
        guard opcodeIndex >= 0, opcodeIndex < info.operator_code_count,
              ctfl_operator_code_get(model, opcodeIndex, &code) == CTFL_OK else {
            throw CompileError(.malformed, "opcode index \(opcodeIndex) is outside 0..<\(info.operator_code_count)",
                               at: ErrorLocation(node: NodeID(Int(operatorIndex))))
        }
        let builtin = max(code.deprecated_builtin_code, code.builtin_code)
        if builtin == 32 {
            return (builtin, "CUSTOM(\(customName(opcodeIndex)))")
        }
        return (builtin, BuiltinOperatorNames.name(of: builtin))
    }

    private func customName(_ opcodeIndex: Int32) -> String {
        let length = ctfl_operator_code_custom(model, opcodeIndex, nil, 0)
        guard length > 0 else { return "" }
        var bytes = [CChar](repeating: 0, count: Int(length))
        _ = ctfl_operator_code_custom(model, opcodeIndex, &bytes, length)
        let text = String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return DisplayText.escaped(text, limit: 64)
    }
}
