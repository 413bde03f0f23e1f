import IR

/// Builds small `Graph`s for tests, one tensor or node at a time, with ids assigned in order.
///
/// ```swift
/// var b = GraphBuilder()
/// let x = b.input([1, 4], scale: 0.5, zeroPoint: -1)
/// let y = b.activation([1, 4], scale: 0.5, zeroPoint: -1)
/// b.node(.relu(Relu()), inputs: [x], output: y)
/// let graph = b.build()          // outputs: the last node's output unless set
/// ```
public struct GraphBuilder {
    public private(set) var tensors: [Tensor] = []
    public private(set) var nodes: [Node] = []
    public var inputs: [TensorID] = []
    /// Graph outputs; when empty, `build()` uses the last node's output.
    public var outputs: [TensorID] = []

    public init() {}

    /// Adds any tensor (its id is replaced by the next free one) and returns its id.
    @discardableResult
    public mutating func add(_ tensor: Tensor) -> TensorID {
        var tensor = tensor
        tensor.id = TensorID(tensors.count)
        tensors.append(tensor)
        return tensor.id
    }

    /// An int8 activation with per-tensor quantization.
    @discardableResult
    public mutating func activation(_ dims: [Int], scale: Float, zeroPoint: Int32, name: String = "") -> TensorID {
        add(Tensor(id: TensorID(0), name: Self.name(name, tensors.count), type: .int8, shape: Shape(dims),
                   quant: .perTensor(scale: scale, zeroPoint: zeroPoint)))
    }

    /// An int8 activation that is also a graph input.
    @discardableResult
    public mutating func input(_ dims: [Int], scale: Float, zeroPoint: Int32, name: String = "") -> TensorID {
        let id = activation(dims, scale: scale, zeroPoint: zeroPoint, name: name)
        inputs.append(id)
        return id
    }

    /// A constant int8 tensor (`values.count` must match `dims`).
    @discardableResult
    public mutating func constInt8(_ dims: [Int], _ values: [Int8], quant: QuantParams, name: String = "") -> TensorID {
        precondition(values.count == Shape(dims).elementCount, "value count does not match the shape")
        return add(Tensor(id: TensorID(0), name: Self.name(name, tensors.count), type: .int8, shape: Shape(dims),
                          quant: quant, data: values.map { UInt8(bitPattern: $0) }))
    }

    /// A constant int32 tensor (bias, axes, paddings, shapes), optionally quantized.
    @discardableResult
    public mutating func constInt32(_ dims: [Int], _ values: [Int32], quant: QuantParams? = nil,
                                    name: String = "") -> TensorID {
        precondition(values.count == Shape(dims).elementCount, "value count does not match the shape")
        let bytes = values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: UInt32(bitPattern: v) >> (8 * $0)) } }
        return add(Tensor(id: TensorID(0), name: Self.name(name, tensors.count), type: .int32, shape: Shape(dims),
                          quant: quant, data: bytes))
    }

    /// A float32 activation (no quantization).
    @discardableResult
    public mutating func float32(_ dims: [Int], name: String = "") -> TensorID {
        add(Tensor(id: TensorID(0), name: Self.name(name, tensors.count), type: .float32, shape: Shape(dims)))
    }

    /// Appends `op(inputs) -> outputs`.
    public mutating func node(_ op: Op, inputs: [TensorID?], outputs: [TensorID]) {
        nodes.append(Node(id: NodeID(nodes.count), op: op, inputs: inputs, outputs: outputs))
    }

    /// Appends `op(inputs) -> output`.
    public mutating func node(_ op: Op, inputs: [TensorID?], output: TensorID) {
        node(op, inputs: inputs, outputs: [output])
    }

    /// The graph; its outputs are `outputs`, or the last node's outputs when none were set.
    public func build() -> Graph {
        Graph(tensors: tensors, nodes: nodes, inputs: inputs,
              outputs: outputs.isEmpty ? (nodes.last?.outputs ?? []) : outputs)
    }

    static func name(_ given: String, _ index: Int) -> String { given.isEmpty ? "t\(index)" : given }
}
