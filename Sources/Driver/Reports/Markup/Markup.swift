import IR

/// A tiny typed tree of HTML/SVG elements, so reports are built as values and every piece of
/// text (tensor names come from the model) is escaped exactly once, when rendered.
public indirect enum Markup: Sendable {
    /// `<tag a="v" ...>children</tag>` (`<tag .../>` when it has no children and is not HTML).
    case element(String, [Attribute], [Markup])
    /// Character data; escaped on output, control characters shown as `DisplayText` does.
    case text(String)
    /// Trusted text written as is: only for constant style sheets compiled into mcuc, never for
    /// anything derived from a model or a path.
    case trusted(StaticString)

    /// One `name="value"` pair; the value is escaped on output.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// HTML void elements, which have no end tag.
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "col"]

    /// Shorthand for an element with attributes given as pairs in order.
    public static func el(_ tag: String, _ attributes: [(String, String)] = [], _ children: [Markup] = []) -> Markup {
        .element(tag, attributes.map { Attribute($0.0, $0.1) }, children)
    }

    /// Shorthand for an element holding only text.
    public static func el(_ tag: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
        .element(tag, attributes.map { Attribute($0.0, $0.1) }, [.text(text)])
    }

    /// The serialized tree. `html` writes void elements without a slash and every other empty
    /// element with an end tag (as HTML parsers require); otherwise empty elements self-close.
    public func render(html: Bool = false) -> String {
        var out = ""
        write(into: &out, html: html)
        return out
    }

    func write(into out: inout String, html: Bool) {
        switch self {
        case .text(let text):
            out += Self.escape(text)
        case .trusted(let text):
            out += text.description
        case .element(let tag, let attributes, let children):
            out += "<" + tag
            for a in attributes { out += " \(a.name)=\"\(Self.escape(a.value))\"" }
            if children.isEmpty && (!html || Self.voidElements.contains(tag)) {
                out += html ? ">" : "/>"
                return
            }
            out += ">"
            for child in children { child.write(into: &out, html: html) }
            out += "</\(tag)>"
        }
    }

    /// XML/HTML escaping of untrusted text (after `DisplayText` makes control characters visible).
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in DisplayText.escaped(text, limit: 10_000) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
