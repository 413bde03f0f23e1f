import IR

/// `mcuc_gather_params` (`Templates/kernels/common/mcuc_gather.h`): MIRROR_PAD and GATHER.
struct GatherKernelParams: KernelParams {
    static let cType = "mcuc_gather_params"
    var rank: Int32
    var count: Int32
    var dims: RankArray
    var offsets: TableRef
}

extension OpLowering {
    /// MIRROR_PAD / GATHER (constant coordinates): output elements in row-major order, each read
    /// at the sum of its per-axis input offsets (one table, axis after axis).
    func axisGather(_ p: AxisGather) -> KernelCall {
        let input = operand(0)
        precondition(p.count == graph[output].shape.elementCount, "the walk writes every output element (checked)")
        let offsets = ConstantTable(id: .call(node.id, role: "offsets"), kind: .indices("input offsets per axis"),
                                    values: .int32(p.offsets.flatMap { $0.map { Int32($0) } }))
        let params = GatherKernelParams(rank: Int32(p.dims.count), count: Int32(p.count), dims: RankArray(p.dims),
                                        offsets: offsets.ref)
        let binding = bind(.gather, "mcuc_axis_gather_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]) + [offsets])
        return call(.gather, binding, detail: "\(p.dims.count)-d gather")
    }
}
