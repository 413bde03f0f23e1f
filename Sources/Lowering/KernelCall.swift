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
    /// The tensors the kernel writes, in the node's output order (several for SPLIT, SPLIT_V,
    /// UNPACK); empty for kernels that write nothing (folded PAD).
    public var outputs: [TensorID]
    /// The (first) tensor the kernel writes; nil for kernels that write nothing (folded PAD).
    public var output: TensorID? { outputs.first }
    /// Bytes of arena scratch the kernel needs during this step only (its own short lifetime,
    /// disjoint from every buffer live at the step).
    public var scratchBytes: Int
    /// Bytes of static storage (.bss/.data) the emitted kernel owns. Zero for the portable family:
    /// every temporary lives in the arena.
    public var staticBytes: Int
    public var contract: MemoryContract
    /// The exact C call; nil for kernels that run no code (views, slices, folded PADs).
    public var binding: KernelBinding?
    /// A few words on the decision for reports and the emitted step comment (`3x3 s1x1 d1x1 pad
    /// 0,0,1,1`); fixed words and numbers only, never text from the model.
    public var detail: String

    public init(step: Int, node: NodeID, kernel: Kernel, inputs: [TensorID], outputs: [TensorID],
                scratchBytes: Int = 0, staticBytes: Int = 0, contract: MemoryContract = .separate,
                binding: KernelBinding? = nil, detail: String = "") {
        self.step = step
        self.node = node
        self.kernel = kernel
        self.inputs = inputs
        self.outputs = outputs
        self.scratchBytes = scratchBytes
        self.staticBytes = staticBytes
        self.contract = contract
        self.binding = binding
        self.detail = detail
    }
}

/// What `Lowering` decided for a whole schedule: one `KernelCall` per step, in step order.
public struct KernelPlan: Sendable, Hashable {
    public var calls: [KernelCall]
    /// Tables of graph outputs that are constants (the invoke function copies them out).
    public var outputTables: [ConstantTable]
    /// The patch stage's loop, if the schedule has one (its steps are the first calls).
    public var patchLoop: PatchLoop?
    /// The options it was lowered with.
    public var options: LoweringOptions

    public init(calls: [KernelCall], outputTables: [ConstantTable] = [], patchLoop: PatchLoop? = nil,
                options: LoweringOptions) {
        self.calls = calls
        self.outputTables = outputTables
        self.patchLoop = patchLoop
        self.options = options
    }

    /// Every constant table the emitted code holds, once each, in step order (the patch loop's
    /// reads, then calls, then constant graph outputs).
    public var tables: [ConstantTable] {
        var seen = Set<ConstantTable.ID>()
        let reads = patchLoop?.tables ?? []
        return (reads + calls.flatMap { $0.binding?.tables ?? [] } + outputTables).filter { seen.insert($0.id).inserted }
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
    /// The device: its core's features choose each kernel's variant.
    public var target: Target
    /// Graph inputs and outputs live in caller-owned memory outside the arena: no view, slice or
    /// overlap may involve them.
    public var externalIO: Bool
    /// When false, every contract is `separate` and nothing is folded or aliased (the plan TFLM
    /// can use, since its kernels promise no overlap).
    public var sharing: Bool
    /// Nodes limited to memory-lean kernels whatever the core offers (the choice `--prefer` makes
    /// where a fast variant's scratch or contract would raise the peak): the portable kernel, or a
    /// variant row marked `scratchFree`.
    public var portableNodes: Set<NodeID>

    public init(target: Target, externalIO: Bool = false, sharing: Bool = true, portableNodes: Set<NodeID> = []) {
        self.target = target
        self.externalIO = externalIO
        self.sharing = sharing
        self.portableNodes = portableNodes
    }

    /// The function that runs `portable`'s call of `node` with `params` (`KernelVariants.choose`,
    /// scratch-free rows only for the `portableNodes`).
    public func variant(_ portable: KernelFunction, params: any KernelParams, node: NodeID) -> KernelFunction {
        KernelVariants.choose(portable, params: params, features: target.features,
                              leanOnly: portableNodes.contains(node))
    }

    /// The features `node`'s kernel may use: none of the SIMD extensions for a portable node.
    public func features(for node: NodeID) -> Target.Features {
        var features = target.features
        if portableNodes.contains(node) {
            features.dsp = false
            features.mve = false
        }
        return features
    }
}
