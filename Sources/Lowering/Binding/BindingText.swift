import IR

/// The printable form of a `KernelBinding` (`--dump-after lowering`): the call, the parameter
/// struct field by field, and the constant tables.
///
/// ```
/// call mcuc_conv2d_s8(&params, t0, t3) variant=portable
/// params mcuc_conv2d_params { batches=1 in_h=28 ... dims=[2,3] filter=op0_filter }
/// tables op0_filter int8[72] weights(t1), op0_bias int32[8] bias(folded)
/// ```
public enum BindingText {
    /// One to three lines, without indentation.
    public static func lines(_ binding: KernelBinding) -> [String] {
        var lines: [String] = []
        let arguments = binding.arguments.map(argumentText)
        switch binding.callee {
        case .kernel(let f):
            lines.append("call \(f.symbol)(" + (["&params"] + arguments).joined(separator: ", ")
                         + ") variant=\(f.variant.rawValue)")
        case .copy(let bytes):
            lines.append("call memcpy(" + (arguments + ["\(bytes)"]).joined(separator: ", ") + ")")
        }
        if let params = binding.params {
            let fields = params.cFields.map { "\($0.name)=\(valueText($0.value))" }
            lines.append("params \(type(of: params).cType) { " + fields.joined(separator: " ") + " }")
        }
        if !binding.tables.isEmpty {
            lines.append("tables " + binding.tables.map(tableText).joined(separator: ", "))
        }
        return lines
    }

    static func argumentText(_ argument: KernelBinding.Argument) -> String {
        switch argument {
        case .tensor(let t): "\(t)"
        case .tensors(let ts), .outputs(let ts): "[" + ts.map(\.description).joined(separator: ", ") + "]"
        case .scratch: "scratch"
        case .patchRows(let table, _): "\(table)[row]"
        case .patchCols(let table, _): "\(table)[col]"
        }
    }

    static func valueText(_ value: CFieldValue) -> String {
        switch value {
        case .int32(let v): "\(v)"
        case .float(let v): "\(v)"
        case .array(let v): "[" + v.map(String.init).joined(separator: ",") + "]"
        case .table(let ref): "\(ref.table)"
        }
    }

    /// `op0_bias int32[8] bias(folded)`.
    static func tableText(_ table: ConstantTable) -> String {
        let element: String
        switch table.values {
        case .int8: element = "int8"
        case .int16: element = "int16"
        case .int64: element = "int64"
        case .int32: element = "int32"
        case .bytes: element = "bytes"
        }
        let kind: String
        switch table.kind {
        case .weights(let source): kind = "weights(\(source))"
        case .packedGemm(let source, _, _): kind = "packed-gemm(\(source))"
        case .packedDepthwise: kind = "packed-depthwise"
        case .packedDepthwisePadded: kind = "packed-depthwise-padded"
        case .bias(let folded): kind = folded ? "bias(folded)" : "bias"
        case .multipliers: kind = "multipliers"
        case .shifts: kind = "shifts"
        case .indices(let what): kind = String(what.map { $0 == " " ? "-" : $0 })
        case .tensor: kind = "constant"
        }
        return "\(table.id) \(element)[\(table.count)] \(kind)"
    }
}
