import IR

/// The signature of `<prefix>_invoke` and the copies between the caller's buffers and the arena.
struct ModelInterface {
    let graph: Graph
    let locations: TensorLocations
    let inputs: [InterfaceTensor]
    let outputs: [InterfaceTensor]
    /// Inputs the patch loop reads through `<prefix>_read_input` (`--input-streaming`): not
    /// parameters of `_invoke`, never copied into the arena whole.
    let streamed: Set<TensorID>

    /// The interface of `graph`, whose inputs and outputs have the types `SupportCheck` allows
    /// (int8, int16 or float32; outputs also int32).
    init(graph: Graph, locations: TensorLocations, streamed: Set<TensorID> = []) {
        self.graph = graph
        self.locations = locations
        self.streamed = streamed
        func describe(_ id: TensorID) -> InterfaceTensor {
            let t = graph[id]
            precondition(SupportCheck.interfaceOutputTypes.contains(t.type), "graph I/O types are checked by SupportCheck")
            return InterfaceTensor(tensor: id, type: t.type, shape: t.shape, bytes: t.byteCount ?? 0)
        }
        inputs = graph.inputs.map(describe)
        outputs = graph.outputs.map(describe)
    }

    /// The C element type of an interface tensor.
    static func ctype(_ type: DataType) -> String {
        switch type {
        case .float32: "float"
        case .int32: "int32_t"
        case .int16: "int16_t"
        default: "int8_t"
        }
    }

    /// `const int8_t *in0, int8_t *out0, uint8_t *arena`.
    var parameters: String {
        let ins = inputs.enumerated().filter { !streamed.contains($0.element.tensor) }
            .map { "const \(Self.ctype($0.element.type)) *in\($0.offset)" }
        let outs = outputs.enumerated().map { "\(Self.ctype($0.element.type)) *out\($0.offset)" }
        return (ins + outs + [locations.arenaParameters()]).joined(separator: ", ")
    }

    /// The arena expression of bytes at `offset` for data of `type`.
    func arena(_ offset: Int, _ type: DataType) -> String {
        locations.arenaPointer(offset, float: type != .int8)
    }

    /// Copies of the inputs into the arena (when they live there), or `(void)` uses of caller
    /// pointers no kernel reads.
    func prologue(readers: Set<TensorID>) -> [String] {
        inputs.enumerated().compactMap { k, input in
            if streamed.contains(input.tensor) { return nil }
            if case .arena(let offset)? = locations.place(input.tensor) {
                return input.bytes > 0 ? "memcpy(\(arena(offset, input.type)), in\(k), \(input.bytes));" : "(void)in\(k);"
            }
            return readers.contains(input.tensor) ? nil : "(void)in\(k);"
        }
    }

    /// Copies of the outputs out of the arena or the constants (outputs the kernels write in
    /// place need none).
    func epilogue(constant: (TensorID) -> String) -> [String] {
        outputs.enumerated().compactMap { k, output in
            guard output.bytes > 0 else { return "(void)out\(k);" }
            switch locations.place(output.tensor) {
            case .arena(let offset)?: return "memcpy(out\(k), \(arena(offset, output.type)), \(output.bytes));"
            case .constant?: return "memcpy(out\(k), \(constant(output.tensor)), \(output.bytes));"
            case .input(let j)?: return "memcpy(out\(k), in\(j), \(output.bytes));"
            case .output(let j)? where j != k: return "memcpy(out\(k), out\(j), \(output.bytes));"
            default: return nil
            }
        }
    }

    /// The streamed inputs, for the header's callback documentation and the host harness.
    var streamedViews: [StreamedInputView] {
        inputs.enumerated().filter { streamed.contains($0.element.tensor) }.map { k, t in
            StreamedInputView(index: k, shapeText: "\(t.shape)", height: t.shape[1], width: t.shape[2], channels: t.shape[3])
        }
    }

    /// Header and README entries.
    func views(macroPrefix: String) -> [IOView] {
        let all = inputs.map { ("input", $0) } + outputs.map { ("output", $0) }
        var counters = ["input": 0, "output": 0]
        return all.map { role, t in
            let index = counters[role]!
            counters[role] = index + 1
            let tensor = graph[t.tensor]
            let q = tensor.quant
            let name = CName.comment(tensor.name)
            return IOView(role: role, index: index, ctype: Self.ctype(t.type), shapeText: "\(t.shape)",
                          nameComment: name.isEmpty ? nil : name,
                          macro: "\(macroPrefix)_\(role.uppercased())\(index)", bytes: t.bytes,
                          elements: t.shape.elementCount, quantized: q != nil && SupportCheck.quantizedRange(t.type) != nil,
                          scale: q.map { CWriter.floatLiteral($0.scale[0]) } ?? "",
                          zeroPoint: q?.zeroPoint.first ?? 0)
        }
    }
}
