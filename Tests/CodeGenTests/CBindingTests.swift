import Driver
import Foundation
import IR
import Lowering
import Templates
import Testing
import TestSupport

/// Every Swift parameter struct (`KernelParams`) against its C typedef in `Templates/kernels/`:
/// the same fields in the same order with the same C types, so a field missing on either side is
/// a test failure rather than a silently zero-initialized member. Also: every function a call
/// names is declared in its family's header with that parameter type, every variant row names a
/// declared function and an existing source, and the runtime's rank limit is the IR's.
@Suite struct CBindingTests {
    /// `typedef struct { ... } name;` of every header, as (C type, field name) lists.
    static let typedefs: [String: [(type: String, name: String)]] = {
        var result: [String: [(String, String)]] = [:]
        for (path, text) in EmbeddedTemplates.files where path.hasPrefix("kernels/") && path.hasSuffix(".h") {
            for (name, body) in structs(in: text) { result[name] = fields(of: body) }
        }
        return result
    }()

    /// (typedef name, body) of each `typedef struct { body } name;`.
    static func structs(in text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = Substring(text)
        while let start = rest.range(of: "typedef struct {") {
            guard let end = rest[start.upperBound...].range(of: "}") else { break }
            let body = String(rest[start.upperBound..<end.lowerBound])
            let tail = rest[end.upperBound...]
            let name = tail.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            result.append((name, body))
            rest = tail
        }
        return result
    }

    /// The declarations of a struct body, comments removed: `int32_t in_h, in_w;` gives two
    /// fields; `const int8_t *filter;` a pointer; `int32_t dims[MCUC_MAX_RANK];` an array.
    static func fields(of body: String) -> [(type: String, name: String)] {
        let code = body.replacingOccurrences(of: #"/\*[^*]*\*+(?:[^/*][^*]*\*+)*/"#, with: "", options: .regularExpression)
        return code.split(separator: ";").flatMap { declaration -> [(String, String)] in
            let text = declaration.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return [] }
            let isPointer = text.contains("*")
            let words = text.replacingOccurrences(of: "*", with: " ").split(separator: " ")
            let base = words.prefix { !$0.hasSuffix(",") && $0 != words.last }.joined(separator: " ")
            let names = text.dropFirst(base.count).replacingOccurrences(of: "*", with: "").split(separator: ",")
            return names.map { raw in
                let name = raw.trimmingCharacters(in: .whitespaces)
                if let bracket = name.firstIndex(of: "[") {
                    return (base + String(name[bracket...]), String(name[..<bracket]))
                }
                return (isPointer ? base + " *" : base, name)
            }
        }
    }

    /// The C type a field value declares.
    static func cType(_ value: CFieldValue) -> String {
        switch value {
        case .int32: "int32_t"
        case .float: "float"
        case .array: "int32_t[MCUC_MAX_RANK]"
        case .table(let ref): "const \(ref.element.rawValue) *"
        }
    }

    /// Every binding of every supported model and fixture, lowered for an M0+, an M4 and an M55
    /// board, and the patch-stage calls of `patchBindings`.
    static let bindings: [KernelBinding] = {
        let models = (try? ModelCorpus.supportedModels()) ?? []
        return ["rp2040", "nucleo-l4r5zi", "corstone300"].flatMap { target in
            models.flatMap { model -> [KernelBinding] in
                let planned = try? Pipeline.plan(model.graph, options: PipelineOptions(target: TestTargets.named(target)))
                return planned?.kernels.calls.compactMap(\.binding) ?? []
            }
        } + patchBindings + inPlaceBindings
    }()

    /// The calls of in-place depthwise layers on an M4 (3x3 and 5x5 windows over padded channel
    /// planes): the shared models bind these params, no fixture does, and the corpus must not
    /// depend on the shared models.
    static let inPlaceBindings: [KernelBinding] = [3, 5].flatMap { k -> [KernelBinding] in
        var b = GraphBuilder()
        let x = b.input([1, 9, 9, 24])
        b.inputs = [x]
        let y = b.depthwise(x, k: k)
        let graph = b.build(outputs: [y])
        let options = PipelineOptions(target: TestTargets.named("nucleo-l4r5zi"), prefer: .speed)
        return (try? Pipeline.plan(graph, options: options))?.kernels.calls.compactMap(\.binding) ?? []
    }

    /// The calls of random patchable networks (PADs among them) on an M4, each with a 2 x 2 grid
    /// over the longest stage that takes one: the patch kernels' params.
    static let patchBindings: [KernelBinding] = (0..<12).flatMap { seed -> [KernelBinding] in
        let graph = RandomPatchNetwork.make(seed: UInt64(seed) &* 104_729 &+ 3, layers: 3 + seed % 4)
        for ops in stride(from: graph.nodes.count, through: 1, by: -1) {
            let options = PipelineOptions(target: TestTargets.named("nucleo-l4r5zi"), patch: .grid(rows: 2, cols: 2, ops: ops))
            if let planned = try? Pipeline.plan(graph, options: options), planned.schedule.patchStage != nil {
                return planned.kernels.calls.compactMap(\.binding)
            }
        }
        return []
    }

    @Test func theParserReadsEveryTypedef() {
        #expect(Self.typedefs.count >= 14)
        let conv = Self.typedefs["mcuc_conv2d_params"]?.map(\.name) ?? []
        #expect(conv.prefix(4) == ["batches", "in_h", "in_w", "in_c"])
        #expect(Self.typedefs["mcuc_conv2d_params"]?.last?.type == "const int32_t *")
        #expect(Self.typedefs["mcuc_binary_params"]?.first { $0.name == "dims" }?.type == "int32_t[MCUC_MAX_RANK]")
    }

    @Test func everySwiftParamsTypeMatchesItsTypedef() {
        var seen = Set<String>()
        for params in Self.bindings.compactMap(\.params) {
            let name = type(of: params).cType
            guard seen.insert(name).inserted else { continue }
            let swift = params.cFields.map { "\(Self.cType($0.value)) \($0.name)" }
            let c = (Self.typedefs[name] ?? []).map { "\($0.type) \($0.name)" }
            #expect(swift == c, "\(name): Swift \(swift) vs C \(c)")
        }
        #expect(seen == Set(Self.typedefs.keys.filter { $0.hasSuffix("_params") }),
                "every C params typedef is bound by some call of the corpus")
        #expect(Self.typedefs["mcuc_plane"] != nil, "the patch kernels' rectangle (no params type: read from tables)")
    }

    @Test func everyCalledFunctionIsDeclaredWithItsParamsType() {
        var checked = Set<String>()
        for binding in Self.bindings {
            guard let function = binding.function, let params = binding.params,
                  checked.insert(function.symbol).inserted else { continue }
            let header = EmbeddedTemplates.files.first { $0.path.hasSuffix("/" + function.family.header) }?.text ?? ""
            #expect(header.contains("\(function.symbol)(const \(type(of: params).cType) *p"),
                    "\(function.symbol) is not declared in \(function.family.header) with \(type(of: params).cType)")
        }
        #expect(checked.count >= 20)
    }

    @Test func everyVariantRowNamesADeclaredFunctionAndASource() {
        for rule in KernelVariants.rules {
            let f = rule.function
            let header = EmbeddedTemplates.files.first { $0.path.hasSuffix("/" + f.family.header) }?.text ?? ""
            #expect(header.contains(" \(f.symbol)("), "\(f.symbol) is not declared in \(f.family.header)")
            let defined = f.family.sources(f.variant).compactMap { name in
                EmbeddedTemplates.files.first { $0.path.hasSuffix("/" + name) }?.text
            }.filter { $0.contains("mcuc_status \(f.symbol)(") }
            #expect(defined.count == 1, "\(f.symbol) is defined in \(defined.count) of \(f.family.sources(f.variant))")
        }
    }

    /// Every function a family header declares returns `mcuc_status`.
    @Test func everyKernelReturnsTheStatusType() {
        var declarations = 0
        for (path, text) in EmbeddedTemplates.files where path.hasPrefix("kernels/common/mcuc_") && path.hasSuffix(".h") {
            for line in text.split(separator: "\n") where line.contains(" mcuc_") && line.contains("(const mcuc_") {
                declarations += 1
                #expect(line.hasPrefix("mcuc_status mcuc_"), "\(path): \(line)")
            }
        }
        #expect(declarations >= 20)
    }

    /// Headers in `kernels/common/`, portable sources in `kernels/portable/`, variants in
    /// `kernels/arm/` named `mcuc_<family>[_<part>]_dsp.c` or `_mve.c`; every source belongs to a family.
    @Test func theLibraryLayoutHoldsVariants() {
        let kernels = EmbeddedTemplates.files.map(\.path).filter { $0.hasPrefix("kernels/") }
        for path in kernels {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            if path.hasSuffix(".h") {
                #expect(folder == "kernels/common", "\(path)")
            } else if folder == "kernels/arm" {
                #expect(path.hasSuffix("_dsp.c") || path.hasSuffix("_mve.c"), "\(path)")
            } else {
                #expect(folder == "kernels/portable" && path.hasSuffix(".c"), "\(path)")
            }
        }
        for family in KernelFamily.allCases {
            #expect(kernels.contains("kernels/common/" + family.header))
            #expect(family.sources(.portable).allSatisfy { kernels.contains("kernels/portable/" + $0) })
            for variant in [KernelVariant.dsp, .mve] {
                let files = family.sources(variant).map { "kernels/arm/" + $0 }
                #expect(files.allSatisfy(kernels.contains) || !files.contains(where: kernels.contains),
                        "\(files) exist only in part")
            }
        }
        let claimed = Set(KernelFamily.allCases.flatMap { f in KernelVariant.allCases.flatMap { f.sources($0) } + f.helperFiles })
        for path in kernels where path.hasSuffix(".c") {
            #expect(claimed.contains(String(path.split(separator: "/").last!)), "\(path) belongs to no family")
        }
    }

    @Test func theRankLimitIsTheRuntimes() {
        let common = EmbeddedTemplates.files.first { $0.path.hasSuffix("/mcuc_common.h") }?.text ?? ""
        #expect(common.contains("#define MCUC_MAX_RANK \(RuntimeLimits.maxRank)\n"))
    }
}
