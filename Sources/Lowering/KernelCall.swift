import IR

/// The decision for one schedule step: which kernel runs, which tensors it actually reads and
/// writes (after folding), the scratch it needs and the memory contract it honours.
public struct KernelCall: Sendable, Hashable {
    /// Index of the step in the `Schedule`.
    public var step: Int
    public var node: NodeID
    public var kernel: Kernel
    /// Activation tensors the kernel reads, in operand order. Differs from the node's inputs when
    /// a PAD was folded into this call (the PAD's input replaces its output).
    public var inputs: [TensorID]
    /// The tensor the kernel writes; nil for kernels that write nothing (folded PAD).
    public var output: TensorID?
    /// Bytes of arena scratch the kernel needs during this step only (its own short lifetime,
    /// disjoint from every buffer live at the step).
    public var scratchBytes: Int
    /// Bytes of static storage (.bss/.data) the emitted kernel owns. Zero for the portable family:
    /// every temporary lives in the arena.
    public var staticBytes: Int
    public var contract: MemoryContract

    public init(step: Int, node: NodeID, kernel: Kernel, inputs: [TensorID], output: TensorID?,
                scratchBytes: Int = 0, staticBytes: Int = 0, contract: MemoryContract = .separate) {
        self.step = step
        self.node = node
        self.kernel = kernel
        self.inputs = inputs
        self.output = output
        self.scratchBytes = scratchBytes
        self.staticBytes = staticBytes
        self.contract = contract
    }
}

/// What `Lowering` decided for a whole schedule: one `KernelCall` per step, in step order.
public struct KernelPlan: Sendable, Hashable {
    public var calls: [KernelCall]
    /// The options it was lowered with.
    public var options: LoweringOptions

    public init(calls: [KernelCall], options: LoweringOptions) {
        self.calls = calls
        self.options = options
    }

    /// Tensors that are views of other tensors' bytes: `tensor -> (base tensor, byte offset)`,
    /// from `alias` and `producerSlices` contracts (not resolved transitively).
    public func views(in graph: Graph) -> [TensorID: (base: TensorID, offset: Int)] {
        var result: [TensorID: (base: TensorID, offset: Int)] = [:]
        for call in calls {
            switch call.contract {
            case .alias(let input):
                if let output = call.output { result[output] = (input, 0) }
            case .producerSlices(let offsets):
                guard let output = call.output else { continue }
                for (input, offset) in zip(call.inputs, offsets) { result[input] = (output, offset) }
            default:
                continue
            }
        }
        return result
    }

    /// Tensors that are never materialized (outputs of folded PADs).
    public func unmaterialized(in graph: Graph) -> Set<TensorID> {
        var result = Set<TensorID>()
        for call in calls {
            if case .foldedInto = call.contract { result.formUnion(graph[call.node].outputs) }
        }
        return result
    }
}

/// Options that change kernel choices.
public struct LoweringOptions: Sendable, Hashable {
    /// Graph inputs and outputs live in caller-owned memory outside the arena: no view, slice or
    /// overlap may involve them.
    public var externalIO: Bool
    /// When false, every contract is `separate` and nothing is folded or aliased (the plan TFLM
    /// can use, since its kernels promise no overlap).
    public var sharing: Bool

    public init(externalIO: Bool = false, sharing: Bool = true) {
        self.externalIO = externalIO
        self.sharing = sharing
    }
}
