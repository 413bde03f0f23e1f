@testable import CodeGen
import Templates
import Testing

/// Every tag of every mustache skeleton names a property of the view it is rendered with (a typo
/// would silently render as nothing), and every view property is used.
@Suite struct TemplateLintTests {
    static let io = IOView(role: "input", index: 0, ctype: "int8_t", shapeText: "[1]", nameComment: "x", macro: "M_INPUT0",
                           bytes: 1, elements: 1, quantized: true, scale: "1.0f", zeroPoint: 0)

    static let accessor = AccessorView(index: 0, expression: "", macro: "", offset: "0", arena: "0")
    static let arena = ArenaView(macro: "", name: "", first: true, bytes: 0, region: "", section: "")
    static let streamed = StreamedInputView(index: 0, shapeText: "", height: 1, width: 1, channels: 1)
    static let step = StepView(step: 0, node: 0, opName: "", kernelName: "", detail: "", statements: [""])
    static let loop = PatchLoopView(gridRows: 1, gridCols: 1, first: 0, last: 0,
                                    reads: [PatchReadView(rowsTable: "", colsTable: "", pointer: "")], steps: [step])

    static let state = StateView(bytes: 0, resets: [StateResetView(offset: 0, bytes: 0, value: 0, tensor: 0, description: "")])

    /// A sample of each view, keyed by template name.
    static var views: [String: Any] { [
        "model.h": HeaderView(version: "", prefix: "", fileStem: "", modelComment: "", targetComment: "", includeGuard: "",
                              macroPrefix: "", arenaBytes: 0, arenaAlignment: 0, inputCount: 0, outputCount: 0,
                              tensors: [io], parameters: "", inArena: true, inputAccessors: [accessor],
                              outputAccessors: [accessor], arenaParameters: "", constArenaParameters: "", arenaArguments: "",
                              hasRegions: true,
                              arenaCount: 1, arenas: [arena], streamedInputs: [streamed], state: [state]),
        "model.c": SourceView(version: "", prefix: "", fileStem: "", modelComment: "", kernelHeaders: [""],
                              tableDeclarations: [DeclarationView(type: "", name: "")],
                              parameterDeclarations: [DeclarationView(type: "", name: "")], parameters: "", prologue: [""],
                              patchLoops: [loop], steps: [step],
                              epilogue: [""], inArena: true, inputAccessors: [accessor], outputAccessors: [accessor],
                              arenaParameters: "", constArenaParameters: "", arenaArguments: "", arenaDeclarations: [""],
                              arenaVoids: [""], state: [state]),
        "model_weights.c": WeightsView(version: "", fileStem: "", modelComment: "", kernelHeaders: [""],
                                       tables: [TableView(comment: "", isStatic: true, ctype: "", name: "", count: 0,
                                                          alignment: 0, body: "")],
                                       parameterBlocks: [BlockView(step: 0, node: 0, opName: "", type: "", name: "",
                                                                   fields: [ParameterField(field: "", value: "")])],
                                       weightsSections: [""]),
        "CMakeLists.txt": BuildView(version: "", prefix: "", sources: [""], cpu: ""),
        "arm-none-eabi.cmake": ToolchainView(version: "", cpu: ""),
        "Makefile": BuildView(version: "", prefix: "", sources: [""], cpu: ""),
        "README.txt": ReadmeView(version: "", prefix: "", fileStem: "", underline: "", modelComment: "", targetComment: "", parameters: "",
                                 macroPrefix: "", tensors: [io], arenaBytes: 0, loweredNote: "", inArena: true, sramBytes: 0,
                                 sramWithBuffersBytes: 0, ioBufferBytes: 0, constantBytes: 0,
                                 codeBytes: 0, sources: [""], hasRegions: true, arenas: [arena], arenaArguments: "", cpu: "",
                                 state: [state]),
        "harness_model.c": HarnessView(version: "", prefix: "", fileStem: "", macroPrefix: "", inputCount: 0, inputBytes: "",
                                       outputCount: 0, outputBytes: "", traceCount: 0,
                                       tracePoints: [TracePointView(step: 0, offset: 0, bytes: 0, tensor: 0)], arguments: "",
                                       inArena: true, inputCopies: [""], outputCopies: [""], virtualArenaBytes: 0,
                                       harnessArenaArguments: "", streamedInputs: [streamed], state: [state]),
        "memory.ld": MemoryLayoutView(version: "", fileStem: "", modelComment: "", targetComment: "", arenas: [arena],
                                      weights: [WeightsPlacementView(section: "", region: "")]),
    ] }

    /// Property names of `value` and of the elements of its array properties, recursively.
    static func labels(_ value: Any) -> Set<String> {
        var result = Set<String>()
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            result.insert(label)
            let inner = Mirror(reflecting: child.value)
            if inner.displayStyle == .collection {
                for element in inner.children { result.formUnion(labels(element.value)) }
            }
        }
        return result
    }

    /// The names of `text`'s tags (`{{name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`), without
    /// pragmas and `{{.}}`.
    static func tags(_ text: String) -> Set<String> {
        var result = Set<String>()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("%") || tag.hasPrefix("!") { continue }
            if let first = tag.first, "#^/&".contains(first) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if tag != "." { result.insert(tag) }
        }
        return result
    }

    @Test func everyTemplateHasAView() {
        let names = Set(EmbeddedTemplates.files.map(\.path).filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) })
        #expect(names == Set(Self.views.keys))
    }

    @Test(arguments: Array(views.keys).sorted())
    func everyTagExistsInItsView(_ name: String) throws {
        let text = try #require(TemplateLibrary.files[name + ".mustache"])
        let known = Self.labels(try #require(Self.views[name]))
        let used = Self.tags(text)
        for tag in used.subtracting(known) {
            Issue.record("template \(name): tag '\(tag)' is not a property of its view")
        }
        let topLevel = Set(Mirror(reflecting: Self.views[name]!).children.compactMap(\.label))
        for property in topLevel.subtracting(used) {
            Issue.record("template \(name): view property '\(property)' is never used")
        }
    }
}
