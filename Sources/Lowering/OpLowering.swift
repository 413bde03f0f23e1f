import IR

/// Lowering's second pass for one node: the kernel, its C binding (function and variant, typed
/// params, constant tables, arguments), scratch and memory contract. Declares an overlap only
/// when the input dies at this step (`ViewLiveness`) and the output is not a slice of a
/// concatenation. One function per op, in `Kernels/<Family>Kernels.swift`.
struct OpLowering {
    let graph: Graph
    let node: Node
    let step: Int
    let views: ViewDecisions
    let liveness: ViewLiveness
    let options: LoweringOptions
    /// The output is a slice of a concatenation's output: no overlap contract for this call.
    var writesSlice = false
    /// The step runs per patch (its operands are patch buffers, never overlapped): the stage's
    /// plan and this op's receptive field.
    var patch: PatchContext?
    var patched: Bool { patch != nil }

    /// The call for this node: the lowering registry, one line per op.
    func call() -> KernelCall {
        switch node.op {
        case .conv2d(let op): conv2d(op.prepare(operands))
        case .depthwiseConv2d(let op): depthwise(op.prepare(operands))
        case .fullyConnected(let op): fullyConnected(op.prepare(operands))
        case .add(let op): addSub(op.prepare(operands), symbol: "mcuc_add_" + typeTag(output))
        case .sub(let op): addSub(op.prepare(operands), symbol: "mcuc_sub_" + typeTag(output))
        case .mul(let op): mul(op.prepare(operands))
        case .averagePool2d(let op): pool(op.prepare(operands), symbol: "mcuc_avg_pool_" + typeTag(output))
        case .maxPool2d(let op): pool(op.prepare(operands), symbol: "mcuc_max_pool_" + typeTag(output))
        case .mean(let op): mean(op.prepare(operands))
        case .pad(let op): pad(op.prepare(operands))
        case .padV2(let op): pad(op.prepare(operands))
        case .reshape, .squeeze: reshape()
        case .softmax(let op): softmax(op.prepare(operands))
        case .concatenation(let op): concatenation(op.prepare(operands))
        case .logistic(let op): sigmoid(op.prepare(operands), symbol: "mcuc_logistic_s8")
        case .tanh(let op): sigmoid(op.prepare(operands), symbol: "mcuc_tanh_s8")
        case .hardSwish(let op): hardSwish(op.prepare(operands))
        case .relu(let op): relu(op.prepare(operands))
        case .relu6(let op): relu6(op.prepare(operands))
        case .leakyRelu(let op): leakyRelu(op.prepare(operands))
        case .quantize(let op): quantize(op.prepare(operands))
        case .dequantize(let op): dequantize(op.prepare(operands))
        case .resizeNearestNeighbor(let op): resizeNearestNeighbor(op.prepare(operands))
        case .transpose(let op): transpose(op.prepare(operands))
        case .stridedSlice(let op): stridedSlice(op.prepare(operands))
        case .logSoftmax(let op): logSoftmax(op.prepare(operands))
        case .expandDims: reshape()
        case .slice(let op): stridedSlice(op.prepare(operands))
        case .depthToSpace(let op): stridedCopy(op.prepare(operands))
        case .spaceToDepth(let op): stridedCopy(op.prepare(operands))
        case .pack(let op): concatenation(op.prepare(operands))
        case .maximum: rawBinary(symbol: "mcuc_maximum_s8")
        case .minimum: rawBinary(symbol: "mcuc_minimum_s8")
        case .abs(let op): abs(op.prepare(operands))
        case .mirrorPad(let op): axisGather(op.prepare(operands))
        case .gather(let op): gather(op.prepare(operands))
        case .split(let op): split(op.prepare(operands))
        case .splitV(let op): split(op.prepare(operands))
        case .unpack(let op): split(op.prepare(operands))
        case .squaredDifference(let op): squaredDifference(op.prepare(operands))
        case .prelu(let op): prelu(op.prepare(operands))
        case .sum(let op): mean(op.prepare(operands))
        case .elu(let op): lookupTable(op.prepare(operands))
        case .rsqrt(let op): lookupTable(op.prepare(operands))
        case .l2Normalization(let op): l2Normalization(op.prepare(operands))
        case .batchMatMul(let op): batchMatMul(op.prepare(operands))
        case .reduceMax(let op): mean(op.prepare(operands), symbol: "mcuc_reduce_max_s8")
        case .unidirectionalSequenceLSTM(let op): lstm(op.prepare(operands))
        case .svdf(let op): svdf(op.prepare(operands))
        case .argMax(let op): argMinMax(op.prepare(operands))
        case .argMin(let op): argMinMax(op.prepare(operands))
        case .transposeConv(let op): transposeConv(op.prepare(operands))
        case .resizeBilinear(let op): resizeBilinear(op.prepare(operands))
        case .spaceToBatchNd(let op): spaceToBatch(op.prepare(operands))
        case .batchToSpaceNd(let op): axisGather(op.prepare(operands))
        case .unsupported(let info): preconditionFailure("lowering unsupported operator \(info.name)")
        }
    }

    /// The node's operands, for its definition's `prepare`.
    var operands: OpOperands { OpOperands(node: node, graph: graph) }
    /// Activation tensors the kernel reads after folding (constants excluded).
    var inputs: [TensorID] { ViewLiveness.effectiveInputs(node, graph: graph, views: views) }
    var output: TensorID { node.outputs[0] }

    /// Operand `position` (present by `SupportCheck`).
    func operand(_ position: Int) -> TensorID {
        guard let id = node.input(position) else { preconditionFailure("\(node.id) lacks operand \(position)") }
        return id
    }

    /// The tensor the kernel reads as operand 0: a folded PAD's input, else the node's operand 0.
    var dataInput: TensorID { views.foldedPads[node.id]?.input ?? operand(0) }

    /// A call of this node with `kernel`.
    func call(_ kernel: Kernel, _ binding: KernelBinding?, detail: String = "", scratch: Int = 0,
              contract: MemoryContract = .separate) -> KernelCall {
        KernelCall(step: step, node: node.id, kernel: kernel, inputs: inputs, outputs: node.outputs, scratchBytes: scratch,
                   contract: contract, binding: binding, detail: detail)
    }

    /// A binding of the portable kernel `symbol` of `family` with `params`, the variant for the
    /// target's core chosen by `KernelVariants` (memory-lean for the `portableNodes`).
    func bind(_ family: KernelFamily, _ symbol: String, _ params: some KernelParams,
              _ arguments: [KernelBinding.Argument], tables: [ConstantTable] = []) -> KernelBinding {
        if let patch { return patchBinding(patch, symbol, params, arguments, tables: tables) }
        let function = options.variant(.portable(family, symbol), params: params, node: node.id)
        return KernelBinding(callee: .kernel(function), params: params, arguments: arguments, tables: tables)
    }

    /// Tables for the constants among `tensors` (data operands a kernel reads from Flash).
    func constantTables(_ tensors: [TensorID]) -> [ConstantTable] {
        tensors.filter { graph[$0].isConstant }.map { ConstantTable.tensor($0, in: graph) }
    }

    /// A streaming contract over the call's activation input, if it may be overlapped here, else
    /// `separate`. `gap` is only evaluated when needed.
    func streaming(_ order: StreamOrder, gap: () -> Int) -> MemoryContract {
        guard let input = inputs.first, mayOverlap(input) else { return .separate }
        return .streaming(input: input, minimumGap: gap(), order: order)
    }

    func mayOverlap(_ input: TensorID) -> Bool {
        options.sharing && !writesSlice && !patched && liveness.dies(input, at: step)
    }

    func bytes(_ tensor: TensorID) -> Int { graph[tensor].byteCount ?? 0 }

    /// Bytes of one element of `tensor`.
    func elementBytes(_ tensor: TensorID) -> Int { graph[tensor].type.byteSize ?? 1 }

    /// The kernel-name tag of `tensor`'s element type: `s8` (int8), `s16` (int16), `f32`. The
    /// variant table (`KernelVariants`) replaces `_s8` kernels only, so an int16 call always runs
    /// its portable kernel.
    func typeTag(_ tensor: TensorID) -> String {
        switch graph[tensor].type {
        case .int16: "s16"
        case .float32: "f32"
        default: "s8"
        }
    }

    /// The elements of `tensor`, as an `int32_t` count.
    func count(_ tensor: TensorID) -> Int32 { Int32(graph[tensor].shape.elementCount) }
}
