import IR

/// Sizes as users type them: `262144`, `256K`, `256KB`, `256KiB`, `1M`, `1.5M` (K and M are
/// binary: 1024 and 1048576).
public enum ByteSize {
    /// The number of bytes `text` stands for.
    public static func parse(_ text: String, option: String) throws(UsageError) -> Int {
        let lower = text.lowercased()
        let units: [(String, Double)] = [("kib", 1024), ("kb", 1024), ("k", 1024), ("mib", 1_048_576),
                                         ("mb", 1_048_576), ("m", 1_048_576), ("b", 1)]
        var number = lower, factor = 1.0
        if let unit = units.first(where: { lower.hasSuffix($0.0) }) {
            number = String(lower.dropLast(unit.0.count))
            factor = unit.1
        }
        guard let value = Double(number), value > 0, value * factor < Double(Int32.max) else {
            throw UsageError("\(option) '\(DisplayText.escaped(text))' is not a size (examples: 262144, 256K, 1M)")
        }
        return Int((value * factor).rounded(.down))
    }
}
