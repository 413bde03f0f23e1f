import IR

/// Small hand-made graphs for IR tests.
enum GraphFixtures {
    static func int8(_ id: Int, _ dims: [Int], name: String = "") -> Tensor {
        Tensor(id: TensorID(id), name: name.isEmpty ? "t\(id)" : name, type: .int8, shape: Shape(dims),
               quant: .perTensor(scale: 0.5, zeroPoint: -1))
    }

    /// input t0 -> RELU -> t1 -> ADD(t1, t0) -> t2
    static func reluAdd() -> Graph {
        Graph(tensors: [int8(0, [1, 4]), int8(1, [1, 4]), int8(2, [1, 4])],
              nodes: [Node(id: NodeID(0), op: .relu(Relu()), inputs: [TensorID(0)], outputs: [TensorID(1)]),
                      Node(id: NodeID(1), op: .add(Add(activation: .none)),
                           inputs: [TensorID(1), TensorID(0)], outputs: [TensorID(2)])],
              inputs: [TensorID(0)], outputs: [TensorID(2)])
    }
}
