import IR
import Lowering
import MemoryPlanning

/// What `mcuc plan --json` prints (DESIGN.md's contract, `"version": 1`).
public struct PlanReport: Sendable, Encodable {
    /// Flash use: `weights` is every constant table byte `compile` emits (the sum of
    /// `weight_tensors`, `biases`, `requantization` and `index_tables`); `constants` adds the
    /// parameter blocks and alignment and `code` is the model's machine code, both read from the
    /// ELF when `exact` (else estimated).
    public struct Flash: Sendable, Encodable {
        public var weights: Int
        public var code: Int
        public var total: Int
        public var weight_tensors: Int
        public var biases: Int
        public var requantization: Int
        public var index_tables: Int
        public var code_is_estimate: Bool
        public var constants: Int
        public var exact: Bool
        /// C library and libgcc code the model reaches, when exact.
        public var library_code: Int?
    }

    /// One schedule step.
    public struct Step: Sendable, Encodable {
        public var step: Int
        public var op_index: Int
        public var op_name: String
        public var kernel: String
        public var live_bytes: Int
        public var high_water_bytes: Int
    }

    /// One tensor (or scratch) in the arena.
    public struct Buffer: Sendable, Encodable {
        /// TFLite tensor index; -1 for scratch.
        public var tensor: Int
        public var name: String
        /// `input`, `output`, `activation`, `view` or `scratch`.
        public var kind: String
        public var offset: Int
        public var bytes: Int
        public var first_step: Int
        public var last_step: Int
        /// Index in `regions` of the memory region holding it (nil when the plan has no regions);
        /// `offset` counts from the start of that region's arena array.
        public var region: Int? = nil
        /// The tensor whose bytes this one overlaps: the base of a view, or the input a kernel's
        /// contract let it overwrite (only when the plan does overlap them).
        public var shares_with: Int?
    }

    /// One memory region's arena array.
    public struct Region: Sendable, Encodable {
        public var name: String
        public var bytes: Int
        /// Bytes the model may use there (the region minus the application's reserve).
        public var capacity_bytes: Int?
    }

    /// One placement algorithm's result.
    public struct Candidate: Sendable, Encodable {
        public var planner: String
        public var arena_bytes: Int
    }

    public var version = 1
    public var model: String
    public var target: String
    public var planner: String
    /// SRAM the firmware needs in the compiled mode: arena + static, plus the caller's input and
    /// output buffers with `--external-io` (by default they live in the arena, zero-copy).
    public var peak_sram_bytes: Int
    /// Bytes of the input and output buffers an application passes to `<prefix>_invoke`.
    public var io_buffer_bytes: Int
    /// SRAM when the application keeps its own input and output buffers: arena + static +
    /// `io_buffer_bytes` (what `<prefix>_invoke` with caller buffers costs; `peak_sram_bytes`
    /// with `--external-io`).
    public var sram_with_own_io_buffers_bytes: Int
    /// Bytes of the arena arrays (with memory regions: their sum).
    public var arena_bytes: Int
    /// The memory regions the arena is split across, fastest first (empty: one arena, the target
    /// lists no regions).
    public var regions: [Region]
    public var static_bytes: Int
    /// The model's state buffer (variable tensors kept between invokes; outside the arena).
    public var state_bytes: Int
    public var lower_bound_bytes: Int
    public var liveness_bound_bytes: Int
    public var proven_optimal: Bool
    public var external_io: Bool
    public var flash_bytes: Flash
    public var sram_bytes: SRAMBytes
    public var fits: Bool
    public var verdict: FitVerdict
    public var steps: [Step]
    public var buffers: [Buffer]
    public var candidates: [Candidate]
    /// What `GraphPasses` changed (`--io int8`), one sentence each; op indices after a removal are
    /// those of the rewritten graph.
    public var graph_rewrites: [String]
    /// The patch stage (nil with `--patch none`).
    public var patch: PatchReport?
    /// `--prefer`: the kernel choice and the peak SRAM of each preference.
    public var kernel_choice: KernelChoiceReport

    /// The report for `planned` (loaded from `model`), whose memory on the target's core is
    /// `memory`, against `target`.
    public init(model: String, planned: PlannedModel, target: Target, memory measured: ModelMemory, verbose: Bool = false) {
        let memory = planned.memory, graph = planned.graph, flash = planned.flash
        self.model = model
        self.target = target.name
        planner = memory.planner.rawValue
        peak_sram_bytes = memory.peakSRAMBytes
        io_buffer_bytes = memory.ioBufferBytes
        sram_with_own_io_buffers_bytes = memory.sramWithCallerBuffers
        arena_bytes = memory.arenaArrayBytes
        regions = memory.regions.map { Region(name: $0.name ?? "", bytes: $0.bytes, capacity_bytes: $0.capacity) }
        static_bytes = memory.staticBytes
        state_bytes = memory.stateBytes
        lower_bound_bytes = memory.lowerBound
        liveness_bound_bytes = memory.livenessBound
        proven_optimal = memory.provenOptimal
        external_io = memory.externalIO
        flash_bytes = Flash(weights: flash.constantBytes, code: measured.codeBytes, total: measured.flashBytes,
                            weight_tensors: flash.weightBytes, biases: flash.biasBytes,
                            requantization: flash.requantizationBytes, index_tables: flash.indexBytes,
                            code_is_estimate: !measured.exact, constants: measured.constantBytes,
                            exact: measured.exact, library_code: measured.libraryCodeBytes)
        sram_bytes = SRAMBytes(measured)
        verdict = FitVerdict(model: planned, target: target, memory: measured)
        fits = verdict.fits
        let highWater = memory.highWaterPerStep
        steps = planned.kernels.calls.map { call in
            Step(step: call.step, op_index: call.node.index, op_name: graph[call.node].op.name,
                 kernel: (planned.schedule.steps[call.step].isPatch ? "patch " : "") + call.kernel.name,
                 live_bytes: memory.liveBytesPerStep[call.step], high_water_bytes: highWater[call.step])
        }
        buffers = Self.buffers(memory, graph: graph)
        graph_rewrites = planned.rewrites
        patch = planned.patch.map { PatchReport($0, schedule: planned.schedule, graph: graph,
                                                  materialized: Set(memory.tensors.map(\.tensor)), verbose: verbose) }
        candidates = memory.candidates.map { Candidate(planner: $0.planner.rawValue, arena_bytes: $0.arenaBytes) }
        kernel_choice = KernelChoiceReport(planned.kernelChoice)
    }

    /// Every tensor in the arena by tensor index, then the scratch buffers by step.
    static func buffers(_ memory: MemoryPlan, graph: Graph) -> [Buffer] {
        let inputs = Set(graph.inputs), outputs = Set(graph.outputs)
        let tensors = memory.tensors.map { t -> Buffer in
            let offset = memory.offsets[t.request] + t.byteOffset
            let kind = t.viewOf != nil ? "view" : inputs.contains(t.tensor) ? "input"
                : outputs.contains(t.tensor) ? "output" : "activation"
            return Buffer(tensor: t.tensor.index, name: graph[t.tensor].name, kind: kind, offset: offset, bytes: t.bytes,
                          first_step: t.firstStep, last_step: t.lastStep,
                          shares_with: t.viewOf?.index ?? overlappedInput(of: t, memory))
        }
        let scratch = memory.requests.filter { $0.tensor == nil }.map { r in
            Buffer(tensor: -1, name: memory.name(r), kind: "scratch", offset: memory.offsets[r.id], bytes: r.bytes,
                   first_step: r.firstStep, last_step: r.lastStep, shares_with: nil)
        }
        return (tensors + scratch).map { buffer in
            guard !memory.regions.isEmpty else { return buffer }
            var relative = buffer
            relative.region = memory.regionIndex(of: buffer.offset)
            relative.offset -= memory.regions[relative.region!].base
            return relative
        }
    }

    /// The tensor index of the input `t`'s kernel lets it overlap, when the plan overlaps them.
    static func overlappedInput(of t: TensorPlacement, _ memory: MemoryPlan) -> Int? {
        let request = memory.requests[t.request]
        guard t.viewOf == nil, let rule = request.mayShareWith else { return nil }
        let input = memory.requests[rule.input]
        let (a, b) = (memory.offsets[request.id], memory.offsets[input.id])
        guard a < b + input.bytes, b < a + request.bytes else { return nil }
        return input.tensor?.index
    }
}
