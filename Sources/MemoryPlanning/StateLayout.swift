import IR

/// Where one variable tensor (LSTM or SVDF state) lives in the model's state buffer.
public struct StatePlacement: Sendable, Hashable {
    public var tensor: TensorID
    /// Offset of its first byte in the state buffer.
    public var offset: Int
    public var bytes: Int
}

/// The model's persistent state: every variable tensor, in tensor order, each aligned to 4 bytes,
/// in one buffer outside the arena. The arena is scratch that any step may reuse, but state must
/// survive from one invoke to the next, so it is static storage of the emitted model
/// (`<prefix>_reset` sets it to TFLM's reset values; docs/OPERATOR_SEMANTICS.md, "Variable tensors").
public enum StateLayout {
    /// Alignment of every state tensor (int16 and int32 state is read as words and halfwords).
    public static let alignment = 4

    /// The placements of `graph`'s variable tensors.
    public static func of(_ graph: Graph) -> [StatePlacement] {
        var offset = 0
        var result: [StatePlacement] = []
        for tensor in graph.tensors where tensor.isVariable {
            let bytes = tensor.byteCount ?? 0
            guard bytes > 0 else { continue }
            result.append(StatePlacement(tensor: tensor.id, offset: offset, bytes: bytes))
            offset += (bytes + alignment - 1) / alignment * alignment
        }
        return result
    }
}

extension MemoryPlan {
    /// Bytes of the state buffer (0 for models without variable tensors).
    public var stateBytes: Int {
        state.last.map { ($0.offset + $0.bytes + StateLayout.alignment - 1) / StateLayout.alignment * StateLayout.alignment } ?? 0
    }

    /// The state offset of `tensor`, if it is a variable tensor.
    public func stateOffset(of tensor: TensorID) -> Int? {
        state.first { $0.tensor == tensor }?.offset
    }
}
