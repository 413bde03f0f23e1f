import IR

/// The spatial dependence of one op's output on one of its activation inputs: output row `o`
/// reads the input rows `rows` maps it to, and likewise for columns (every channel, batch 1).
public struct InputWindow: Sendable, Hashable {
    public var tensor: TensorID
    public var rows: AxisWindow
    public var cols: AxisWindow

    public init(tensor: TensorID, rows: AxisWindow, cols: AxisWindow) {
        self.tensor = tensor
        self.rows = rows
        self.cols = cols
    }

    /// The input region the output region `output` reads (clipped to the input: padding at the
    /// real border is never read).
    public func inputRegion(for output: Region) -> Region {
        Region(rows: rows.inputSpan(for: output.rows), cols: cols.inputSpan(for: output.cols))
    }
}

/// How an op that can run patch by patch reads its activation inputs: one window per activation
/// operand, in operand order (constant operands carry no spatial dependence).
public struct ReceptiveField: Sendable, Hashable {
    public var node: NodeID
    public var inputs: [InputWindow]

    /// The op's receptive field, or why the op cannot run on a patch of its output.
    ///
    /// Supported: CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, MAX_POOL_2D (any kernel, stride,
    /// dilation and padding), PAD / PADV2 of the spatial axes, element-wise unary ops, ADD / SUB /
    /// MUL whose activation operands have the output's shape (constants may broadcast over
    /// channels only), and CONCATENATION along channels. Every tensor is NHWC with batch 1 and
    /// int8 (the types of the patch kernels), but QUANTIZE's input and DEQUANTIZE's output may be
    /// float32.
    public static func of(_ node: Node, in graph: Graph) -> Result<ReceptiveField, PatchRefusal> {
        func refuse(_ reason: String) -> Result<ReceptiveField, PatchRefusal> {
            .failure(PatchRefusal(node: node.id, opName: node.op.name, reason: reason))
        }
        if let reason = ReceptiveFieldRules.unpatchableKind(node.op) { return refuse(reason) }
        guard node.outputs.count == 1, let output = node.outputs.first else { return refuse("it has several outputs") }
        let shape = graph[output].shape
        guard shape.rank == 4 else { return refuse("it writes a rank-\(shape.rank) tensor, not NHWC") }
        guard shape[0] == 1 else { return refuse("it works on a batch of \(shape[0]), not 1") }
        let activations = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant }
        for input in activations where graph[input].shape.rank != 4 || graph[input].shape[0] != 1 {
            return refuse("it reads \(input), which is not NHWC with batch 1")
        }
        if let reason = ReceptiveFieldRules.typeProblem(node, graph: graph) { return refuse(reason) }
        switch ReceptiveFieldRules.windows(node, graph: graph, output: shape) {
        case .success(let windows): return .success(ReceptiveField(node: node.id, inputs: windows))
        case .failure(let reason): return refuse(reason.text)
        }
    }
}

/// Why an op cannot run patch by patch: it ends the patch stage, and `plan` shows this.
public struct PatchRefusal: Sendable, Hashable, CustomStringConvertible, Error {
    public var node: NodeID
    public var opName: String
    public var reason: String

    /// `op 7 (FULLY_CONNECTED) cannot run per patch: it reads every pixel of its input`.
    public var description: String { "op \(node.index) (\(opName)) cannot run per patch: \(reason)" }
}
