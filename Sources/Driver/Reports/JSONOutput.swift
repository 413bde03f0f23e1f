import Foundation

/// Encodes reports as stable JSON (sorted keys, so the same report gives the same bytes).
public enum JSONOutput {
    /// Pretty-printed JSON with sorted keys, ending in a newline.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value) else { preconditionFailure("report is not encodable") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
