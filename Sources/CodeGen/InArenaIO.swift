import IR

/// Zero-copy I/O: where the application writes each graph input and reads each graph output
/// inside the arena, for `<prefix>_input(arena, i)`, `<prefix>_output(arena, i)` and the
/// `<PREFIX>_INPUTi_OFFSET` / `<PREFIX>_OUTPUTi_OFFSET` macros. Exists only when the graph's
/// inputs and outputs are in the arena (not with `--external-io`).
struct InArenaIO {
    /// One accessor case.
    struct Accessor {
        var index: Int
        /// The C expression `_input`/`_output` returns (`arena + 384`, a constant table, or `0`).
        var expression: String
        /// The arena offset, when the tensor has bytes in the arena.
        var offset: Int?
    }

    let inputs: [Accessor]
    let outputs: [Accessor]

    /// The accessors of `interface`; nil when its tensors are caller-owned (`externalIO`).
    /// `constant` names the table of a constant output (its accessor points there, in Flash).
    init?(_ interface: ModelInterface, externalIO: Bool, constant: (TensorID) -> String) {
        guard !externalIO else { return nil }
        let locations = interface.locations
        inputs = interface.inputs.enumerated().map { k, t in
            if interface.streamed.contains(t.tensor) { return Accessor(index: k, expression: "0", offset: nil) }
            switch locations.place(t.tensor) {
            case .arena(let offset)?: return Accessor(index: k, expression: locations.arenaPointer(offset, float: true), offset: offset)
            case nil: return Accessor(index: k, expression: "arena", offset: nil)  // no bytes: nothing to write
            default: return Accessor(index: k, expression: "0", offset: nil)  // a constant input: the model ignores writes
            }
        }
        outputs = interface.outputs.enumerated().map { k, t in
            switch locations.place(t.tensor) {
            case .arena(let offset)?: Accessor(index: k, expression: locations.arenaPointer(offset, float: true), offset: offset)
            case .constant?: Accessor(index: k, expression: "(const void *)\(constant(t.tensor))", offset: nil)
            case nil: Accessor(index: k, expression: "arena", offset: nil)
            default: Accessor(index: k, expression: "0", offset: nil)
            }
        }
    }

    /// `_invoke`'s copies of the caller's inputs into the arena before `_run` (a `(void)` use for
    /// an input with no bytes there).
    func invokePrologue(_ interface: ModelInterface) -> [String] {
        zip(inputs, interface.inputs).compactMap { a, t in
            if interface.streamed.contains(t.tensor) { return nil }
            guard let offset = a.offset, t.bytes > 0 else { return "(void)in\(a.index);" }
            return "memcpy(\(interface.locations.arenaPointer(offset, float: true)), in\(a.index), \(t.bytes));"
        }
    }

    /// Header macros and accessor cases: offsets count from the start of the tensor's region's
    /// array, and with several regions `<PREFIX>_INPUTi_ARENA` says which array (0: `arena`).
    func views(macroPrefix: String, locations: TensorLocations) -> (inputs: [AccessorView], outputs: [AccessorView]) {
        func view(_ a: Accessor, _ role: String) -> AccessorView {
            let r = a.offset.map { o in locations.regions.lastIndex { $0.base <= o } ?? 0 }
            return AccessorView(index: a.index, expression: a.expression, macro: "\(macroPrefix)_\(role)\(a.index)",
                                offset: a.offset.flatMap { o in r.map { String(o - locations.regions[$0].base) } },
                                arena: locations.regions.count > 1 ? r.map(String.init) : nil)
        }
        return (inputs.map { view($0, "INPUT") }, outputs.map { view($0, "OUTPUT") })
    }

    /// The host harness's copies between its records and the arena around `<prefix>_run`.
    /// `arenas` is the harness's arguments for the arena arrays (`arena, arena + 4112`).
    func harnessCopies(_ interface: ModelInterface, prefix: String, arenas: String) -> (inputs: [String], outputs: [String]) {
        let ins = zip(inputs, interface.inputs).filter { $0.1.bytes > 0 && $0.0.offset != nil }.map { a, t in
            "memcpy(\(prefix)_input(\(arenas), \(a.index)), inputs[\(a.index)], \(t.bytes));"
        }
        let outs = zip(outputs, interface.outputs).filter { $0.1.bytes > 0 && $0.0.expression != "0" }.map { a, t in
            "memcpy(outputs[\(a.index)], \(prefix)_output(\(arenas), \(a.index)), \(t.bytes));"
        }
        return (ins, outs)
    }
}

/// One `_input`/`_output` case and its macros (`<macro>_OFFSET` when `offset` is set,
/// `<macro>_ARENA` when `arena` is).
struct AccessorView {
    var index: Int
    var expression: String
    var macro: String
    var offset: String?
    var arena: String?
}
