import IR
import MemoryPlanning

/// Where every tensor the emitted code touches lives, and the C expression that points at it.
///
/// Activations are in the arena at the memory plan's offsets (`a + N` as `int8_t *`, `arena + N`
/// as `uint8_t *` for float32 and int32 data, `(int16_t *)(void *)(arena + N)` for int16 data:
/// the planner aligns every buffer to 4), or at the caller's pointers when graph I/O is external;
/// constants are arrays of the weights file, declared with a parameter block; variable tensors
/// (model state) are in the model's static state buffer (`<prefix>_state + N`).
struct TensorLocations {
    enum Place: Hashable {
        case arena(Int)
        case input(Int)
        case output(Int)
        case constant
        /// A variable tensor at this offset of the state buffer.
        case state(Int)
    }

    let graph: Graph
    /// The arena's parts: region `r` is the caller's array `arena` (r = 0) or `arena<r>`.
    let regions: [ArenaRegion]
    /// The C name of the model's state buffer (`<prefix>_state`).
    let stateName: String
    private var places: [TensorID: Place] = [:]

    init(graph: Graph, memory: MemoryPlan, prefix: String) {
        self.graph = graph
        regions = memory.arenaRegions
        stateName = "\(prefix)_state"
        for slot in memory.state { places[slot.tensor] = .state(slot.offset) }
        for placement in memory.tensors {
            places[placement.tensor] = .arena(memory.offsets[placement.request] + placement.byteOffset)
        }
        if memory.externalIO {
            for (k, id) in graph.inputs.enumerated() where places[id] == nil { places[id] = .input(k) }
            for (k, id) in graph.outputs.enumerated() where places[id] == nil { places[id] = .output(k) }
        }
        for tensor in graph.tensors where tensor.isConstant { places[tensor.id] = .constant }
    }

    /// Where `tensor` lives; nil for tensors that are never materialized (folded PAD outputs) or
    /// have no bytes.
    func place(_ tensor: TensorID) -> Place? { places[tensor] }

    /// The arena offset of `tensor`, if it is in the arena.
    func arenaOffset(_ tensor: TensorID) -> Int? {
        if case .arena(let offset) = places[tensor] { return offset }
        return nil
    }

    /// A C pointer expression to `tensor`'s first element of type `elementType(of:)`: `int8_t *`
    /// for int8 data, `int16_t *` for int16 data, `uint8_t *` for float32 and int32 data (kernels
    /// access them through memcpy). Constants are named by `constant`.
    func pointer(_ tensor: TensorID, constant: (TensorID) -> String) -> String {
        let type = graph[tensor].type
        let isFloat = type == .float32 || type == .int32
        switch places[tensor] {
        case .state(let offset)?:
            let bytes = "\(stateName) + \(offset)"
            return type == .int16 ? "(int16_t *)(void *)(\(bytes))" : bytes
        case .arena(let offset)?:
            let bytes = arenaPointer(offset, float: isFloat)
            return type == .int16 ? "(int16_t *)(void *)(\(bytes))" : bytes
        case .input(let k)?:
            return isFloat ? "(const uint8_t *)in\(k)" : "in\(k)"
        case .output(let k)?:
            return isFloat ? "(uint8_t *)out\(k)" : "out\(k)"
        case .constant?:
            return constant(tensor)
        case nil:
            preconditionFailure("\(tensor) is not materialized but a kernel reads or writes it")
        }
    }

    /// The C element type `pointer` points at for data of `type`.
    static func elementType(of type: DataType) -> String {
        switch type {
        case .int8: "int8_t"
        case .int16: "int16_t"
        default: "uint8_t"
        }
    }

    /// The C pointer to virtual arena offset `offset`: `a + N` (`int8_t *`) or `arena + N`
    /// (`uint8_t *`, for float32 / int32 data and copies) in the first region, `a1 + N` / `arena1 + N` in the
    /// second, `N` counted from the region's start.
    func arenaPointer(_ offset: Int, float: Bool) -> String {
        let r = regions.lastIndex { $0.base <= offset } ?? 0
        let name = float ? Self.arenaName(r) : Self.int8Name(r)
        return "\(name) + \(offset - regions[r].base)"
    }

    /// `arena`, `arena1`, ...: the caller's array of region `r`.
    static func arenaName(_ r: Int) -> String { r == 0 ? "arena" : "arena\(r)" }

    /// `a`, `a1`, ...: region `r`'s array as `int8_t *`.
    static func int8Name(_ r: Int) -> String { r == 0 ? "a" : "a\(r)" }

    /// `uint8_t *arena, uint8_t *arena1`: the arena parameters of every function.
    func arenaParameters(const: Bool = false) -> String {
        regions.indices.map { "\(const ? "const " : "")uint8_t *\(Self.arenaName($0))" }.joined(separator: ", ")
    }

    /// `arena, arena1`.
    var arenaArguments: String { regions.indices.map(Self.arenaName).joined(separator: ", ") }

    /// `int8_t *const a1 = (int8_t *)arena1;` for every region, and their `(void)` uses.
    var arenaDeclarations: [String] {
        regions.indices.map { "int8_t *const \(Self.int8Name($0)) = (int8_t *)\(Self.arenaName($0));" }
            + regions.indices.map { "(void)\(Self.int8Name($0));" }
    }
}
