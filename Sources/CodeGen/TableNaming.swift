import IR
import Lowering

/// The C name and comment of every constant table.
///
/// A constant tensor read as data is `<prefix>_t<index>_data` with external linkage (the invoke
/// function passes it to kernels), and so is a patch loop's table, `<prefix>_op<node>_<role>`; a
/// table derived for one call is the file-local `op<node>_<role>` its parameter struct points at. Comments hold model text only through
/// `CName.comment`.
struct TableNaming {
    let graph: Graph
    let prefix: String

    /// The array's C name.
    func name(_ id: ConstantTable.ID) -> String {
        switch id {
        case .tensor(let t): "\(prefix)_t\(t.index)_data"
        case .call(let node, let role): "op\(node.index)_\(role)"
        case .patch(let node, let role): "\(prefix)_op\(node.index)_\(role)"
        }
    }

    /// The emitted array of `table`.
    func table(_ table: ConstantTable) -> CTable {
        let values: CTable.Values
        switch table.values {
        case .int8(let v): values = .int8(v)
        case .int16(let v): values = .int16(v)
        case .int64(let v): values = .int64(v)
        case .int32(let v): values = .int32(v)
        case .bytes(let v): values = .bytes(v)
        }
        let isExternal: Bool
        switch table.id {
        case .tensor, .patch: isExternal = true
        case .call: isExternal = false
        }
        return CTable(name: name(table.id), values: values, comment: comment(table), isExternal: isExternal)
    }

    /// `op 3: Q31 requantization multipliers`, `constant t5 'w' int8[1, 4]`.
    func comment(_ table: ConstantTable) -> String {
        let place: String
        switch table.id {
        case .tensor(let t):
            let tensor = graph[t]
            return "constant t\(t.index) '\(CName.comment(tensor.name))' \(tensor.type)\(tensor.shape)"
        case .call(let node, _), .patch(let node, _): place = "op \(node.index)"
        }
        switch table.kind {
        case .weights(let source):
            let filter = graph[source]
            let packing = filter.packedInt4 ? ", int4 packed two per byte (low nibble first)" : ""
            return "\(place): weights t\(source.index) '\(CName.comment(filter.name))' \(filter.shape)\(packing)"
        case .packedGemm(let source, let pairs, _):
            let filter = graph[source]
            return "\(place): weights t\(source.index) '\(CName.comment(filter.name))' \(filter.shape), bias and "
                + "requantization packed for the DSP GEMM (\(pairs) channel pairs)"
        case .packedDepthwise(_, let weightWords) where weightWords > 0:
            return "\(place): bias, requantization and weights packed for the DSP depthwise kernel"
        case .packedDepthwise: return "\(place): bias and requantization packed for the DSP depthwise kernel"
        case .packedDepthwisePadded: return "\(place): weights, bias and requantization packed for the padded-plane DSP depthwise kernel"
        case .bias(let folded): return "\(place): bias" + (folded ? " with the input zero point folded in" : "")
        case .multipliers: return "\(place): Q31 requantization multipliers"
        case .shifts: return "\(place): requantization shifts"
        case .indices(let what): return "\(place): \(what)"
        case .tensor: return "\(place): constant data"
        }
    }
}
