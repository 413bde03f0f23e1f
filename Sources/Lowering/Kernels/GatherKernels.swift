import IR

/// `mcuc_gather_params` (`Templates/kernels/common/mcuc_gather.h`): MIRROR_PAD and GATHER.
struct GatherKernelParams: KernelParams {
    static let cType = "mcuc_gather_params"
    var rank: Int32
    var count: Int32
    var dims: RankArray
    var offsets: TableRef
}

/// `mcuc_gather_coords_params` (`Templates/kernels/common/mcuc_gather.h`): GATHER with run-time coordinates.
struct GatherCoordsKernelParams: KernelParams {
    static let cType = "mcuc_gather_coords_params"
    var batches: Int32, outer: Int32, axisSize: Int32, perBatch: Int32, inner: Int32
}

extension OpLowering {
    /// GATHER: constant coordinates as a precomputed copy (`axisGather`); run-time coordinates
    /// through `mcuc_gather_s8`, which checks them all before it writes (params may be a constant
    /// table, an embedding lookup). Separate input and output.
    func gather(_ p: GatherParams) -> KernelCall {
        switch p {
        case .constant(let copy):
            return axisGather(copy)
        case .runtime(let w):
            let params = operand(0), coords = operand(1)
            let kernelParams = GatherCoordsKernelParams(batches: Int32(w.batches), outer: Int32(w.outer),
                                                        axisSize: Int32(w.axisSize), perBatch: Int32(w.perBatch),
                                                        inner: Int32(w.inner))
            let binding = bind(.gather, "mcuc_gather_s8", kernelParams, [.tensor(params), .tensor(coords), .tensor(output)],
                               tables: constantTables([params]))
            return call(.gather, binding, detail: "run-time coordinates")
        }
    }

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

/// `mcuc_space_to_batch_params` (`Templates/kernels/common/mcuc_gather.h`): SPACE_TO_BATCH_ND.
struct SpaceToBatchKernelParams: KernelParams {
    static let cType = "mcuc_space_to_batch_params"
    var batch: Int32, height: Int32, width: Int32, channels: Int32
    var blockH: Int32, blockW: Int32
    var padTop: Int32, padLeft: Int32
    var outHeight: Int32, outWidth: Int32
    var padValue: Int32
}

extension OpLowering {
    /// SPACE_TO_BATCH_ND: output pixels in row-major order, each copied from its input pixel or
    /// filled with the zero point; separate input and output.
    func spaceToBatch(_ p: SpaceToBatchParams) -> KernelCall {
        let input = operand(0), g = p.geometry
        let params = SpaceToBatchKernelParams(
            batch: Int32(g.batch), height: Int32(g.height), width: Int32(g.width), channels: Int32(g.channels),
            blockH: Int32(g.blockH), blockW: Int32(g.blockW), padTop: Int32(g.top), padLeft: Int32(g.left),
            outHeight: Int32(g.batchedHeight), outWidth: Int32(g.batchedWidth), padValue: Int32(p.padValue))
        let binding = bind(.gather, "mcuc_space_to_batch_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.gather, binding, detail: "space to batch \(g.blockH)x\(g.blockW)")
    }
}
