import IR
import Lowering

/// Everything `mcuc report` shows, decided before the page is drawn: the plan report, one row
/// per layer, the graph's inputs and outputs, operator totals by type and the fit on every target.
public struct ModelReport: Sendable {
    /// One schedule step (a layer).
    public struct Layer: Sendable {
        public var step: Int
        public var opIndex: Int
        public var type: String
        public var kernel: String
        /// Shapes of the activations it reads, and of what it writes.
        public var inputShapes: [String]
        public var outputShape: String
        public var macs: Int
        /// Bytes of its constant operands (weights, biases) in the model.
        public var weightBytes: Int
        public var liveBytes: Int
        public var highWaterBytes: Int
        public var scratchBytes: Int
        /// Instructions executed, when an engine measured them.
        public var instructions: Int?
    }

    /// One graph input or output.
    public struct IOTensor: Sendable {
        public var role: String
        public var index: Int
        public var tensor: Int
        public var name: String
        public var dtype: String
        public var shape: String
        public var bytes: Int
        public var scale: Float?
        public var zeroPoint: Int32?
        /// Arena offset, when it lives in the arena (from the start of its region's array).
        public var arenaOffset: Int?
        /// The memory region holding it, when the plan has regions.
        public var region: String? = nil
    }

    /// Totals of one operator type.
    public struct OpType: Sendable {
        public var type: String
        public var count: Int
        public var macs: Int
        public var weightBytes: Int
    }

    public var modelName: String
    public var modelBytes: Int
    public var plan: PlanReport
    public var target: Target
    public var layers: [Layer]
    public var io: [IOTensor]
    public var opTypes: [OpType]
    public var totalMACs: Int
    /// Constant bytes in the model file (weights and biases as stored).
    public var modelWeightBytes: Int
    /// Where the layers' instructions were counted (`Cortex-M4 on mps2-an386, -mcpu=cortex-m4`), if they were.
    public var measuredOn: String?
    /// The verdict on every target of the catalog, in catalog order.
    public var fits: [(target: Target, verdict: FitVerdict)]

    /// The report for `planned`, loaded from `modelPath` (`modelBytes` long), against `target`,
    /// with `fits`: the verdict on each target of the catalog (each from a plan for that target).
    /// `profile`: instructions counted on a Cortex-M core (`--on qemu`), one per step.
    public init(modelPath: String, modelBytes: Int, planned: PlannedModel, target: Target,
                fits: [(target: Target, verdict: FitVerdict)], profile: ReportProfile? = nil) {
        let graph = planned.graph
        modelName = modelPath.split(separator: "/").last.map(String.init) ?? modelPath
        self.modelBytes = modelBytes
        let estimate = ModelMemory.estimate(planned)
        plan = PlanReport(model: modelPath, planned: planned, target: target, memory: estimate)
        self.target = target
        layers = Self.layers(planned, plan: plan, instructions: profile?.steps)
        measuredOn = profile?.platform
        io = Self.io(planned)
        opTypes = Self.opTypes(graph)
        totalMACs = graph.totalMACs
        modelWeightBytes = graph.tensors.filter(\.isConstant).reduce(0) { $0 + ($1.data?.count ?? 0) }
        self.fits = fits
    }

    static func layers(_ planned: PlannedModel, plan: PlanReport, instructions: [Int]?) -> [Layer] {
        let graph = planned.graph
        return planned.kernels.calls.map { call in
            let node = graph[call.node]
            let step = plan.steps[call.step]
            let reads = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant }
            return Layer(step: call.step, opIndex: call.node.index, type: node.op.name, kernel: call.kernel.name,
                         inputShapes: reads.map { shapeText(graph[$0].shape) },
                         outputShape: node.outputs.map { shapeText(graph[$0].shape) }.joined(separator: ", "),
                         macs: graph.macs(of: node), weightBytes: InspectReport.constantBytes(of: node, in: graph),
                         liveBytes: step.live_bytes, highWaterBytes: step.high_water_bytes,
                         scratchBytes: call.scratchBytes, instructions: instructions?[call.step])
        }
    }

    /// `1×96×96×3` (a scalar is `scalar`).
    static func shapeText(_ shape: Shape) -> String {
        shape.dims.isEmpty ? "scalar" : shape.dims.map(String.init).joined(separator: "×")
    }

    static func io(_ planned: PlannedModel) -> [IOTensor] {
        let graph = planned.graph
        func row(_ role: String, _ index: Int, _ id: TensorID) -> IOTensor {
            let t = graph[id]
            let offset = planned.memory.offset(of: id)
            let region = planned.memory.arenaRegions[planned.memory.regionIndex(of: offset ?? 0)]
            return IOTensor(role: role, index: index, tensor: id.index, name: t.name, dtype: t.type.description,
                            shape: shapeText(t.shape), bytes: t.byteCount ?? 0, scale: t.quant?.scale.first,
                            zeroPoint: t.quant?.zeroPoint.first, arenaOffset: offset.map { $0 - region.base },
                            region: planned.memory.regions.isEmpty ? nil : region.name)
        }
        return graph.inputs.enumerated().map { row("input", $0.offset, $0.element) }
            + graph.outputs.enumerated().map { row("output", $0.offset, $0.element) }
    }

    /// Operator types by decreasing MACs, then by name.
    static func opTypes(_ graph: Graph) -> [OpType] {
        var table: [String: OpType] = [:]
        for node in graph.nodes {
            var row = table[node.op.name] ?? OpType(type: node.op.name, count: 0, macs: 0, weightBytes: 0)
            row.count += 1
            row.macs += graph.macs(of: node)
            row.weightBytes += InspectReport.constantBytes(of: node, in: graph)
            table[node.op.name] = row
        }
        return table.values.sorted { ($0.macs, $1.type) > ($1.macs, $0.type) }
    }
}
