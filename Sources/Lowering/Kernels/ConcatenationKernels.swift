import IR

/// `mcuc_concat_params` (`Templates/kernels/mcuc_concat.h`): CONCATENATION by copying.
struct ConcatKernelParams: KernelParams {
    static let cType = "mcuc_concat_params"
    var inputs: Int32
    var outer: Int32
    var sliceBytes: TableRef
}

extension OpLowering {
    /// CONCATENATION: no code when its producers wrote straight into their slices of the output
    /// (`ViewDecisions`), else a copy of each input's slices, outer index by outer index.
    func concatenation(_ p: ConcatenationParams) -> KernelCall {
        if let offsets = views.slices[node.id] {
            return call(.concatenationBySlices, nil, detail: "producers wrote their slices, no code",
                        contract: .producerSlices(sliceOffsets: offsets))
        }
        let operands = node.inputs.indices.map(operand)
        let size = elementBytes(output)
        let slices = ConstantTable(id: .call(node.id, role: "slices"), kind: .indices("slice bytes per input"),
                                   values: .int32(p.sliceElements.map { Int32($0 * size) }))
        let params = ConcatKernelParams(inputs: Int32(operands.count), outer: Int32(p.outer), sliceBytes: slices.ref)
        let binding = bind(.concat, "mcuc_concat_" + typeTag(output), params, [.tensors(operands), .tensor(output)],
                           tables: constantTables(operands) + [slices])
        return call(.concatenationCopy, binding, detail: "\(operands.count) inputs along axis \(p.axis)")
    }
}

/// `mcuc_split_params` (`Templates/kernels/common/mcuc_concat.h`): SPLIT, SPLIT_V, UNPACK.
struct SplitKernelParams: KernelParams {
    static let cType = "mcuc_split_params"
    var outputs: Int32
    var outer: Int32
    var sliceBytes: TableRef
}

extension OpLowering {
    /// SPLIT, SPLIT_V, UNPACK: a copy of each output's slices, outer index by outer index (the
    /// inverse of CONCATENATION's copy); the input and the outputs do not overlap.
    func split(_ p: SplitParams) -> KernelCall {
        let input = operand(p.input)
        let slices = ConstantTable(id: .call(node.id, role: "slices"), kind: .indices("slice bytes per output"),
                                   values: .int32(p.sliceElements.map { Int32($0) }))
        let params = SplitKernelParams(outputs: Int32(node.outputs.count), outer: Int32(p.outer), sliceBytes: slices.ref)
        let binding = bind(.concat, "mcuc_split_s8", params, [.tensor(input), .outputs(node.outputs)],
                           tables: constantTables([input]) + [slices])
        return call(.split, binding, detail: "\(node.outputs.count) outputs along axis \(p.axis)")
    }
}
