/// Turns model-derived text into C that cannot break out of its place: identifiers made only of
/// `[A-Za-z0-9_]`, and comment text without `*/`, backslashes, trigraphs or line breaks.
///
/// Invariant: nothing a model contains (tensor names, the description) reaches emitted C except
/// through `comment(_:)`; identifiers come from the prefix (validated or derived by `identifier`).
public enum CName {
    /// C99 keywords.
    static let keywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "_Bool", "_Complex", "_Imaginary",
    ]

    /// Names the application, the runtime or the C library use for themselves.
    static let takenNames: Set<String> = ["main", "mcuc", "memcpy", "memset"]

    /// Keywords and taken names: what a prefix may not be.
    static var reserved: Set<String> { keywords.union(takenNames) }

    /// True when `text` can be used as the emitted files' prefix (`prefixProblem` is nil).
    public static func isValidPrefix(_ text: String) -> Bool { prefixProblem(text) == nil }

    /// Why `text` cannot be the prefix, naming the rule it breaks, or nil when it can: a C
    /// identifier (letters, digits, `_`, starting with a letter) of at most 40 characters, not a C
    /// keyword, not a name the program already has (`main`, `memcpy`, ...), not in the runtime's
    /// `mcuc_` namespace.
    public static func prefixProblem(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first else { return "is empty" }
        if text.unicodeScalars.count > 40 { return "is longer than 40 characters" }
        guard text.unicodeScalars.allSatisfy({ (isLetter($0) || isDigit($0) || $0 == "_") }) else {
            return "is not a C identifier (letters, digits and _ only)"
        }
        if !isLetter(first) { return "must start with a letter" }
        if keywords.contains(text) { return "is a C keyword" }
        if takenNames.contains(text) { return "is a name the program or its C library already uses" }
        if text.lowercased().hasPrefix("mcuc_") { return "starts with mcuc_, the runtime's namespace" }
        return nil
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

    /// Headers of the C standard library, POSIX, newlib and the Arm toolchains that an application
    /// includes as `<name.h>`: an emitted `<prefix>.h` of that name would shadow them wherever the
    /// library's folder is on the include path.
    static let standardHeaders: Set<String> = [
        "assert", "complex", "ctype", "errno", "fenv", "float", "inttypes", "iso646", "limits", "locale",
        "math", "setjmp", "signal", "stdalign", "stdarg", "stdatomic", "stdbool", "stddef", "stdint", "stdio",
        "stdlib", "stdnoreturn", "string", "tgmath", "threads", "time", "uchar", "wchar", "wctype",
        "alloca", "dirent", "dlfcn", "endian", "fcntl", "features", "getopt", "glob", "grp", "libgen", "malloc",
        "memory", "poll", "pthread", "pwd", "regex", "sched", "search", "semaphore", "strings", "syslog",
        "termios", "unistd", "utime", "arm_acle", "arm_mve", "arm_neon", "arm_fp16", "arm_bf16", "arm_cmse",
        "cmsis_compiler", "cmsis_gcc", "core_cm0", "core_cm0plus", "core_cm3", "core_cm4", "core_cm7",
        "core_cm33", "core_cm55", "newlib", "reent", "sys", "tflite",
    ]

    /// The stem of the emitted model files for `prefix`: the prefix itself (`<prefix>.h`,
    /// `<prefix>.c`, `<prefix>_weights.c`), or `<prefix>_model` when `<prefix>.h` would be a standard
    /// header's name (case-insensitively, for case-insensitive file systems). C names keep the prefix.
    public static func fileStem(_ prefix: String) -> String {
        standardHeaders.contains(prefix.lowercased()) ? prefix + "_model" : prefix
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
