/// Turns model-derived text into C that cannot break out of its place: identifiers made only of
/// `[A-Za-z0-9_]`, and comment text without `*/`, backslashes, trigraphs or line breaks.
///
/// Invariant: nothing a model contains (tensor names, the description) reaches emitted C except
/// through `comment(_:)`; identifiers come from the prefix (validated or derived by `identifier`).
public enum CName {
    /// C99 keywords plus names the runtime or the C library reserve for themselves.
    static let reserved: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "_Bool", "_Complex", "_Imaginary", "main", "mcuc", "memcpy", "memset",
    ]

    /// True when `text` can be used as the emitted files' prefix: a C identifier of at most 40
    /// characters, not reserved, not starting with `mcuc_` (the runtime's namespace) or `_`.
    public static func isValidPrefix(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 40 else { return false }
        guard isLetter(first), text.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) || $0 == "_" }) else {
            return false
        }
        return !reserved.contains(text) && !text.lowercased().hasPrefix("mcuc_")
    }

    /// A valid prefix derived from arbitrary text (a file name): lower-cased, every other character
    /// replaced by `_`, runs of `_` collapsed, a leading non-letter prefixed with `m_`; `model` for
    /// empty input.
    public static func identifier(from text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let keep = (isLetter(scalar) || isDigit(scalar)) && scalar.isASCII
            let character = keep ? Character(scalar) : "_"
            if character == "_", result.last == "_" { continue }
            result.append(character)
        }
        while result.hasSuffix("_") { result.removeLast() }
        while result.hasPrefix("_") { result.removeFirst() }
        if result.isEmpty { result = "model" }
        if let first = result.unicodeScalars.first, !isLetter(first) { result = "m_" + result }
        if result.hasPrefix("mcuc_") || reserved.contains(result) { result = "m_" + result }
        if result.unicodeScalars.count > 40 { result = String(result.prefix(40)) }
        while result.hasSuffix("_") { result.removeLast() }
        return result
    }

    /// Text safe inside a `/* ... */` comment and a README line: printable ASCII letters, digits,
    /// space and `_ . , : ; - + = ( ) [ ] @ '`; everything else (including `*`, `/`, `\`, `?`, `#`,
    /// quotes and line breaks) becomes `_`. At most `limit` characters (then `...`).
    public static func comment(_ text: String, limit: Int = 64) -> String {
        let allowed = Set(" _.,:;-+=()[]@'".unicodeScalars)
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "..."
                break
            }
            let safe = scalar.isASCII && (isLetter(scalar) || isDigit(scalar) || allowed.contains(scalar))
            result.unicodeScalars.append(safe ? scalar : "_")
            count += 1
        }
        return result
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
