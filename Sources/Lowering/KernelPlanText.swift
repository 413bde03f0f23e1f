import IR

/// The stable text form of a `KernelPlan` (`--dump-after lowering` and golden tests).
///
/// A header with the target and the lowering options, then per call in step order one line with
/// the node and its TFLite operator, the kernel (with its window for sliding-window kernels), the
/// tensors it actually reads and writes after folding, its scratch and static bytes and its memory
/// contract; then, for calls that run code, the exact C call: the function and its variant, the
/// parameter struct field by field, and the constant tables it reads:
///
/// ```
/// kernels steps=2 target=nucleo-l4r5zi core=cortex-m4 features=dsp,fpu external-io=no sharing=yes
/// step 0: op0 CONV_2D kernel=conv window=3x3 stride=1x1 dilation=1x1 pad=1,1,1,1 reads=(t0) writes=t3 scratch=0 static=0 contract=streaming(t0, gap 464, rows)
///   call mcuc_conv2d_s8(&params, t0, t3) variant=portable
///   params mcuc_conv2d_params { batches=1 in_h=28 ... filter=op0_filter bias=op0_bias ... }
///   tables op0_filter int8[72] weights(t1), op0_bias int32[8] bias(folded), ...
/// step 1: op1 PAD kernel=pad-folded reads=(t3) writes=- scratch=0 static=0 contract=folded(op2)
/// ```
///
/// Pads are top,left,bottom,right. Only ids, operator, kernel and field names and numbers appear,
/// so nothing from the model's strings reaches the text. The same plan and graph always give the
/// same text.
public enum KernelPlanText {
    /// Renders `plan` over `graph`, every line ending in a newline.
    ///
    /// In: a plan lowered from a schedule of `graph` (`Lowering.problems` is empty).
    public static func render(_ plan: KernelPlan, graph: Graph) -> String {
        let target = plan.options.target
        let features = [("dsp", target.features.dsp), ("fpu", target.features.fpu), ("mve", target.features.mve)]
            .filter(\.1).map(\.0)
        var lines = ["kernels steps=\(plan.calls.count) target=\(DisplayText.escaped(target.name)) "
            + "core=\(target.core.rawValue) features=\(features.isEmpty ? "none" : features.joined(separator: ",")) "
            + "external-io=\(yesNo(plan.options.externalIO)) sharing=\(yesNo(plan.options.sharing))"
            + portableText(plan.options.portableNodes)]
        for call in plan.calls {
            lines.append("step \(call.step): " + callText(call, graph: graph))
            if let binding = call.binding { lines += BindingText.lines(binding).map { "  " + $0 } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` portable=op3,op7` for nodes kept on their portable kernel, else nothing.
    static func portableText(_ nodes: Set<NodeID>) -> String {
        nodes.isEmpty ? "" : " portable=" + nodes.sorted().map(\.description).joined(separator: ",")
    }

    /// `op0 CONV_2D kernel=conv window=... reads=(t0) writes=t3 scratch=0 static=0 contract=separate`.
    public static func callText(_ call: KernelCall, graph: Graph) -> String {
        var fields = ["\(call.node) \(graph[call.node].op.name)", "kernel=\(call.kernel.name)"]
        if let window = window(of: call.kernel) { fields.append(windowText(window)) }
        fields.append("reads=(" + call.inputs.map(\.description).joined(separator: ", ") + ")")
        fields.append("writes=" + (call.outputs.isEmpty ? "-" : call.outputs.map(\.description).joined(separator: ",")))
        fields.append("scratch=\(call.scratchBytes) static=\(call.staticBytes)")
        fields.append("contract=" + ContractText.describe(call.contract))
        return fields.joined(separator: " ")
    }

    /// The window of a sliding-window kernel, nil for the others.
    static func window(of kernel: Kernel) -> ConvWindow? {
        switch kernel {
        case .convGeneric(let w), .depthwiseGeneric(let w), .depthwiseInPlace(let w), .pool(let w): w
        case .conv1x1, .fullyConnected, .elementwiseBinary, .elementwiseUnary, .mean, .softmax, .reshapeAlias, .copy,
             .concatenationBySlices, .concatenationCopy, .padFolded, .pad, .transpose, .stridedSlice,
             .resizeNearestNeighbor, .gather, .split, .lstm, .transposeConv, .resizeBilinear, .batchMatMul, .svdf: nil
        }
    }

    /// `window=3x3 stride=1x1 dilation=1x1 pad=1,1,1,1` (pads top,left,bottom,right).
    static func windowText(_ w: ConvWindow) -> String {
        "window=\(w.filterHeight)x\(w.filterWidth) stride=\(w.strideH)x\(w.strideW) "
            + "dilation=\(w.dilationH)x\(w.dilationW) pad=\(w.padTop),\(w.padLeft),\(w.padBottom),\(w.padRight)"
    }

    static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
}

/// Printable form of a contract.
public enum ContractText {
    /// `separate`, `alias(t3)`, `streaming(t3, gap 16, rows)`, `in-place(t3)`, `slices(0,64)`, `folded(op4)`.
    public static func describe(_ contract: MemoryContract) -> String {
        switch contract {
        case .separate: "separate"
        case .alias(let input): "alias(\(input))"
        case .streaming(let input, let gap, let order): "streaming(\(input), gap \(gap), \(order))"
        case .inPlace(let input): "in-place(\(input))"
        case .producerSlices(let offsets): "slices(" + offsets.map(String.init).joined(separator: ",") + ")"
        case .foldedInto(let consumer): "folded(\(consumer))"
        }
    }
}
