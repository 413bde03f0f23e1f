import Foundation
import Testing

/// The shape README's "How it works" describes, checked on the sources: one definition file per
/// operator in `IR/Ops/`, and a code generator that never looks at which operator a node is.
@Suite struct OperatorLayoutTests {
    static var sources: URL { ImportTableTests.sourcesDirectory }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
    }

    /// (case name, payload type) of every supported `Op` case.
    static func opCases() throws -> [(name: String, type: String)] {
        let regex = try NSRegularExpression(pattern: #"^    case (\w+)\((\w+)\)$"#, options: .anchorsMatchLines)
        let text = try text("IR/Op.swift")
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let name = Range(m.range(at: 1), in: text), let type = Range(m.range(at: 2), in: text) else { return nil }
            return (String(text[name]), String(text[type]))
        }.filter { $0.type != "UnsupportedOpInfo" }
    }

    @Test func everyOperatorHasItsDefinitionFile() throws {
        let cases = try Self.opCases()
        #expect(cases.count >= 26)
        for (name, type) in cases {
            let file = try? Self.text("IR/Ops/\(type).swift")
            #expect(file?.contains("public struct \(type): ") == true, "Op.\(name): IR/Ops/\(type).swift should define \(type)")
            #expect(try Self.text("IR/Op.swift").contains("case .\(name)(let d): d"), "Op.definition lacks .\(name)")
        }
    }

    /// `Op.supportedDefinitions` (what `mcuc operators` and the README table list) names every case.
    @Test func everyOperatorIsInTheOperatorTable() throws {
        let text = try Self.text("IR/Op.swift")
        for (name, type) in try Self.opCases() {
            #expect(text.contains("        \(type).self,"), "Op.supportedDefinitions lacks \(type) (Op.\(name))")
        }
    }

    /// CodeGen renders `KernelCall`s; only `Lowering` and `Reference` switch over operators.
    @Test func codeGenNeverLooksAtTheOperator() throws {
        let dir = Self.sources.appendingPathComponent("CodeGen")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        let regex = try NSRegularExpression(pattern: #"\.op\b(?!\.name)|case \.(conv2d|relu|softmax)\b"#)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let hits = regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(hits == 0, "CodeGen/\(file) inspects the operator; that decision belongs in Lowering")
        }
    }
}
