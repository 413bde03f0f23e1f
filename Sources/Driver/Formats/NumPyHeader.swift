import IR

/// Parses the Python-literal dictionary of a `.npy` header:
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }`.
enum NumPyHeader {
    struct Fields {
        var descr: String
        var fortranOrder: Bool
        var shape: [Int]
    }

    static func parse(_ text: String) throws(CompileError) -> Fields {
        func bad(_ what: String) -> CompileError { CompileError(.badInput, ".npy header: \(what)") }
        guard let descr = quotedValue(of: "descr", in: text) else { throw bad("no 'descr'") }
        guard let fortran = rawValue(of: "fortran_order", in: text) else { throw bad("no 'fortran_order'") }
        guard let shapeStart = keyEnd(of: "shape", in: text),
              let open = text[shapeStart...].firstIndex(of: "("),
              let close = text[open...].firstIndex(of: ")") else { throw bad("no 'shape' tuple") }
        var shape: [Int] = []
        for part in text[text.index(after: open)..<close].split(separator: ",") {
            let trimmed = part.filter { $0 != " " }
            if trimmed.isEmpty { continue }
            guard let dim = Int(trimmed), dim >= 0 else { throw bad("shape entry '\(trimmed)' is not a size") }
            shape.append(dim)
        }
        return Fields(descr: descr, fortranOrder: fortran.hasPrefix("True"), shape: shape)
    }

    /// The index just after `'key':`.
    static func keyEnd(of key: String, in text: String) -> String.Index? {
        for quote in ["'", "\""] {
            if let range = text.range(of: "\(quote)\(key)\(quote)"),
               let colon = text[range.upperBound...].firstIndex(of: ":") {
                return text.index(after: colon)
            }
        }
        return nil
    }

    static func quotedValue(of key: String, in text: String) -> String? {
        guard let start = keyEnd(of: key, in: text) else { return nil }
        let rest = text[start...].drop { $0 == " " }
        guard let quote = rest.first, quote == "'" || quote == "\"" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return nil }
        return String(body[..<end])
    }

    static func rawValue(of key: String, in text: String) -> String? {
        guard let start = keyEnd(of: key, in: text) else { return nil }
        return String(text[start...].drop { $0 == " " })
    }
}
