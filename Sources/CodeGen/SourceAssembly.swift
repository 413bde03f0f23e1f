import IR
import Lowering
import MemoryPlanning

/// Puts the emitted calls into the skeletons: header, invoke function, weights file, build files,
/// README and the host harness glue.
struct SourceAssembly {
    let graph: Graph
    let options: CodeGenOptions
    let memory: MemoryPlan
    let interface: ModelInterface
    /// The patch stage's loop, if any (its steps are the first calls).
    var patchLoop: PatchLoop?

    var prefix: String { options.prefix }
    var fileStem: String { CName.fileStem(prefix) }
    var macroPrefix: String { prefix.uppercased() }
    var modelComment: String { CName.comment(options.modelName, limit: 80) }
    var targetComment: String {
        guard let t = options.target else { return "any Cortex-M (portable C)" }
        return CName.comment("\(t.name), \(t.summary) (\(t.core.rawValue))", limit: 100)
    }

    /// Everything the calls contribute, gathered in step order (tables de-duplicated by name).
    struct Collected {
        var tables: [CTable] = []
        var functions = Set<KernelFunction>()
        var blocks: [BlockView] = []
        var steps: [StepView] = []
        var readers = Set<TensorID>()

        mutating func add(_ table: CTable) {
            if !tables.contains(where: { $0.name == table.name }) { tables.append(table) }
        }
    }

    func collect(_ rendered: [(KernelCall, CallRenderer.Rendered)], outputTables: [ConstantTable]) -> Collected {
        var c = Collected()
        let naming = TableNaming(graph: graph, prefix: prefix)
        (patchLoop?.tables ?? []).forEach { c.add(naming.table($0)) }
        for (call, code) in rendered {
            code.tables.forEach { c.add($0) }
            if let function = code.function { c.functions.insert(function) }
            c.readers.formUnion(graph[call.node].inputs.compactMap { $0 })
            c.readers.formUnion(call.inputs)
            let opName = graph[call.node].op.name
            if let p = code.block {
                c.blocks.append(BlockView(step: call.step, node: call.node.index, opName: opName, type: p.type, name: p.name,
                                          fields: p.fields))
            }
            c.steps.append(StepView(step: call.step, node: call.node.index, opName: opName, kernelName: call.kernel.name,
                                    detail: call.detail.isEmpty ? nil : call.detail, statements: code.statements))
        }
        outputTables.forEach { c.add(naming.table($0)) }
        return c
    }

    func assemble(_ rendered: [(KernelCall, CallRenderer.Rendered)], outputTables: [ConstantTable]) -> GeneratedSources {
        let c = collect(rendered, outputTables: outputTables)
        let families = Set(c.functions.map(\.family)).sorted()
        let helpers = Set(families.flatMap(\.helperFiles))
        let headers = families.map(\.header)
        let kernelSources = (Set(c.functions.map(TemplateLibrary.source(of:)))
            .union(helpers.filter { $0.hasSuffix(".c") })).sorted()
        let librarySources = ["\(fileStem).c", "\(fileStem)_weights.c"] + kernelSources
        let constantBytes = c.tables.reduce(0) { $0 + $1.byteCount }
        var files = [GeneratedFile(name: "\(fileStem).h", text: header()),
                     GeneratedFile(name: "\(fileStem).c", text: source(c, headers: headers)),
                     GeneratedFile(name: "\(fileStem)_weights.c", text: weights(c, headers: headers))]
        let variantHeaders = Set(c.functions.flatMap(\.variant.headers)).sorted()
        for name in TemplateLibrary.sharedHeaders + variantHeaders + headers + helpers.filter({ $0.hasSuffix(".h") && !headers.contains($0) }).sorted()
            + kernelSources {
            files.append(GeneratedFile(name: name, text: TemplateLibrary.runtimeFile(name)))
        }
        let build = BuildView(version: CodeGen.version, prefix: prefix, sources: librarySources,
                              cpu: (options.target?.core ?? .cortexM4).rawValue)
        files.append(GeneratedFile(name: "CMakeLists.txt", text: TemplateLibrary.render("CMakeLists.txt", build)))
        files.append(GeneratedFile(name: "arm-none-eabi.cmake", text: TemplateLibrary.render(
            "arm-none-eabi.cmake", ToolchainView(version: CodeGen.version, cpu: build.cpu))))
        files.append(GeneratedFile(name: "Makefile", text: TemplateLibrary.render("Makefile", build)))
        files.append(GeneratedFile(name: "README.txt", text: readme(constantBytes: constantBytes, sources: librarySources)))
        if let layout = memoryLayout() {
            files.append(GeneratedFile(name: "\(fileStem)_memory.ld", text: TemplateLibrary.render("memory.ld", layout)))
        }
        let trace = tracePoints(rendered.map(\.0))
        return GeneratedSources(prefix: prefix, files: files.sorted { $0.name < $1.name },
                                harnessFiles: harness(trace), librarySources: librarySources,
                                arenaBytes: memory.arenaBytes, inputs: interface.inputs, outputs: interface.outputs,
                                tracePoints: trace, constantBytes: constantBytes)
    }

    func source(_ c: Collected, headers: [String]) -> String {
        TemplateLibrary.render("model.c", SourceView(
            version: CodeGen.version, prefix: prefix, fileStem: fileStem, modelComment: modelComment, kernelHeaders: headers,
            tableDeclarations: c.tables.filter(\.isExternal).map { DeclarationView(type: $0.ctype, name: "\($0.name)[\($0.count)]") },
            parameterDeclarations: c.blocks.map { DeclarationView(type: $0.type, name: $0.name) },
            parameters: interface.parameters,
            prologue: inArenaIO?.invokePrologue(interface) ?? interface.prologue(readers: c.readers),
            patchLoops: loopViews(c.steps), steps: c.steps.filter { !(patchLoop?.steps.contains($0.step) ?? false) },
            epilogue: interface.epilogue { TableNaming(graph: graph, prefix: prefix).name(.tensor($0)) },
            inArena: inArenaIO != nil, inputAccessors: accessorViews.inputs, outputAccessors: accessorViews.outputs,
            arenaParameters: interface.locations.arenaParameters(),
            constArenaParameters: interface.locations.arenaParameters(const: true),
            arenaArguments: interface.locations.arenaArguments, arenaDeclarations: interface.locations.arenaDeclarations,
            arenaVoids: interface.locations.regions.indices.map { "(void)\(TensorLocations.arenaName($0));" },
            state: stateViews))
    }

    /// The patch loop around its steps (none without a patch stage).
    func loopViews(_ steps: [StepView]) -> [PatchLoopView] {
        guard let loop = patchLoop else { return [] }
        return [PatchLoopView(loop, steps: steps.filter { loop.steps.contains($0.step) }, locations: interface.locations,
                              naming: TableNaming(graph: graph, prefix: prefix))]
    }

    func weights(_ c: Collected, headers: [String]) -> String {
        TemplateLibrary.render("model_weights.c", WeightsView(
            version: CodeGen.version, fileStem: fileStem, modelComment: modelComment, kernelHeaders: headers,
            tables: c.tables.map { TableView(comment: $0.comment, isStatic: !$0.isExternal, ctype: $0.ctype, name: $0.name,
                                             count: $0.count, alignment: 16, body: CWriter.body($0)) },
            parameterBlocks: c.blocks, weightsSections: options.weightsSection.map { [$0] } ?? []))
    }

    func header() -> String {
        TemplateLibrary.render("model.h", HeaderView(
            version: CodeGen.version, prefix: prefix, fileStem: fileStem, modelComment: modelComment, targetComment: targetComment,
            includeGuard: "\(macroPrefix)_H", macroPrefix: macroPrefix, arenaBytes: memory.arenaRegions[0].bytes,
            arenaAlignment: CodeGen.arenaAlignment, inputCount: interface.inputs.count,
            outputCount: interface.outputs.count, tensors: interface.views(macroPrefix: macroPrefix),
            parameters: interface.parameters, inArena: inArenaIO != nil, inputAccessors: accessorViews.inputs,
            outputAccessors: accessorViews.outputs, arenaParameters: interface.locations.arenaParameters(),
            constArenaParameters: interface.locations.arenaParameters(const: true),
            arenaArguments: interface.locations.arenaArguments, hasRegions: arenaLayout.hasRegions,
            arenaCount: memory.arenaRegions.count, arenas: arenaLayout.arrays, streamedInputs: interface.streamedViews,
            state: stateViews))
    }

    func readme(constantBytes: Int, sources: [String]) -> String {
        let note = memory.externalIO ? "inputs and outputs stay in the caller's buffers"
            : "inputs and outputs included, at \(prefix)_input and \(prefix)_output"
        return TemplateLibrary.render("README.txt", ReadmeView(
            version: CodeGen.version, prefix: prefix, fileStem: fileStem,
            underline: String(repeating: "=", count: prefix.count + 46), modelComment: modelComment,
            targetComment: targetComment, parameters: interface.parameters, macroPrefix: macroPrefix,
            tensors: interface.views(macroPrefix: macroPrefix), arenaBytes: memory.arenaArrayBytes, loweredNote: note,
            inArena: inArenaIO != nil, sramBytes: memory.peakSRAMBytes, sramWithBuffersBytes: memory.sramWithCallerBuffers,
            ioBufferBytes: memory.ioBufferBytes, constantBytes: constantBytes, codeBytes: options.codeBytesEstimate, sources: sources,
            hasRegions: arenaLayout.hasRegions, arenas: arenaLayout.arrays, arenaArguments: interface.locations.arenaArguments,
            cpu: (options.target?.core ?? .cortexM4).rawValue, state: stateViews))
    }

    /// The state buffer and its resets: every variable tensor filled with TFLM's reset value (the
    /// zero point of an int8 tensor, 0 otherwise: `MicroInterpreter::Reset` fills bytes).
    var stateViews: [StateView] {
        guard memory.stateBytes > 0 else { return [] }
        let resets = memory.state.map { slot -> StateResetView in
            let t = graph[slot.tensor]
            let value = t.type == .int8 ? t.quant?.zeroPoint.first ?? 0 : 0
            return StateResetView(offset: slot.offset, bytes: slot.bytes, value: value, tensor: slot.tensor.index,
                                  description: "\(t.type)\(t.shape)")
        }
        return [StateView(bytes: memory.stateBytes, resets: resets)]
    }

    /// Every arena tensor a call writes, in step order, but the per-patch tensors of a patch stage
    /// (the stage output is whole after the loop, where its steps' trace points fire).
    func tracePoints(_ calls: [KernelCall]) -> [TracePoint] {
        let perPatch = patchLoop.map { Set(calls[$0.steps].flatMap(\.outputs)).subtracting([$0.output]) } ?? []
        return calls.flatMap { call in
            call.outputs.compactMap { output in
                guard !perPatch.contains(output), let offset = interface.locations.arenaOffset(output),
                      let bytes = graph[output].byteCount, bytes > 0 else { return nil }
                return TracePoint(step: call.step, node: call.node, tensor: output, type: graph[output].type,
                                  shape: graph[output].shape, offset: offset, bytes: bytes)
            }
        }
    }

    func harness(_ trace: [TracePoint]) -> [GeneratedFile] {
        let casts = interface.inputs.enumerated().filter { !interface.streamed.contains($0.element.tensor) }.map { k, t in
            "(const \(ModelInterface.ctype(t.type)) *)inputs[\(k)]"
        } + interface.outputs.enumerated().map { k, t in "(\(ModelInterface.ctype(t.type)) *)outputs[\(k)]" }
        let view = HarnessView(
            version: CodeGen.version, prefix: prefix, fileStem: fileStem, macroPrefix: macroPrefix, inputCount: interface.inputs.count,
            inputBytes: interface.inputs.isEmpty ? "0" : interface.inputs.map { String($0.bytes) }.joined(separator: ", "),
            outputCount: interface.outputs.count,
            outputBytes: interface.outputs.isEmpty ? "0" : interface.outputs.map { String($0.bytes) }.joined(separator: ", "),
            traceCount: trace.count,
            tracePoints: trace.map { TracePointView(step: $0.step, offset: $0.offset, bytes: $0.bytes, tensor: $0.tensor.index) },
            arguments: (casts + [arenaLayout.harnessArguments]).joined(separator: ", "), inArena: inArenaIO != nil,
            inputCopies: harnessCopies.inputs, outputCopies: harnessCopies.outputs, virtualArenaBytes: memory.arenaBytes,
            harnessArenaArguments: arenaLayout.harnessArguments, streamedInputs: interface.streamedViews,
            state: stateViews)
        return [
            GeneratedFile(name: "mcuc_harness.c", text: TemplateLibrary.runtimeFile("mcuc_harness.c")),
            GeneratedFile(name: "mcuc_harness.h", text: TemplateLibrary.runtimeFile("mcuc_harness.h")),
            GeneratedFile(name: "mcuc_harness_model.c", text: TemplateLibrary.render("harness_model.c", view)),
        ]
    }
}
