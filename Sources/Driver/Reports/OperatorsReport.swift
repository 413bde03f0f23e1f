import IR

/// What `mcuc operators` prints: every operator mcuc compiles, with the element types and options
/// it supports, from each op's `OperatorDefinition.support`; then the operators refused for a
/// known reason. The README's operator table is `renderMarkdown()` (a test keeps them equal).
public struct OperatorsReport: Sendable, Encodable {
    /// One supported operator.
    public struct Entry: Sendable, Encodable {
        public var name: String
        public var types: String
        public var options: String
    }

    /// An operator refused on purpose, with the reason.
    public struct Refusal: Sendable, Encodable {
        public var name: String
        public var reason: String
    }

    public var version = 1
    public var supported: [Entry]
    public var refused: [Refusal]

    /// The report of this build of mcuc, operators sorted by name.
    public init() {
        supported = Op.supportedDefinitions
            .map { Entry(name: $0.name, types: $0.support.types, options: $0.support.options) }
            .sorted { $0.name < $1.name }
        refused = SupportCheck.knownRefusals.map { Refusal(name: $0.key, reason: $0.value) }.sorted { $0.name < $1.name }
    }

    /// One line per operator: name, types, options.
    public func renderText() -> String {
        var table = TextTable(headers: ["operator", "types", "supported options"])
        for op in supported { table.add([op.name, op.types, op.options]) }
        let refusals = refused.map { "\($0.name) is refused: \($0.reason)\n" }.joined()
        return table.render() + "\n\n\(supported.count) operators. " + Self.otherwise + "\n" + refusals
    }

    /// The README's table (GitHub markdown), followed by the refusals.
    public func renderMarkdown() -> String {
        var lines = ["| operator | types | supported options |", "|---|---|---|"]
        lines += supported.map { "| \($0.name) | \($0.types) | \(Self.escaped($0.options)) |" }
        lines.append("")
        lines.append("\(supported.count) operators. " + Self.otherwise)
        lines += refused.map { "\($0.name) is refused: \($0.reason)." }
        return lines.joined(separator: "\n") + "\n"
    }

    static let otherwise = "Any other operator, option or element type is a compile-time error naming the op "
        + "index, op type and reason; `mcuc inspect` marks each op of a model supported or not."

    /// A table cell: `|` would end the cell.
    static func escaped(_ text: String) -> String { text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
