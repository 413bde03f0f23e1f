import IR

/// `mcuc_transpose_params` (`Templates/kernels/mcuc_transpose.h`): TRANSPOSE.
struct TransposeKernelParams: KernelParams {
    static let cType = "mcuc_transpose_params"
    var rank: Int32
    var count: Int32
    var dims: RankArray
    var strides: RankArray
}

/// `mcuc_strided_slice_params` (`Templates/kernels/mcuc_strided_slice.h`): STRIDED_SLICE.
struct StridedSliceKernelParams: KernelParams {
    static let cType = "mcuc_strided_slice_params"
    var rank: Int32
    var count: Int32
    var start: Int32
    var counts: RankArray
    var steps: RankArray
}

/// `mcuc_resize_params` (`Templates/kernels/mcuc_resize.h`): RESIZE_NEAREST_NEIGHBOR.
struct ResizeKernelParams: KernelParams {
    static let cType = "mcuc_resize_params"
    var batches: Int32
    var inH: Int32, inW: Int32, depth: Int32
    var outH: Int32, outW: Int32
    var sourceRows: TableRef
    var sourceCols: TableRef
}

/// `mcuc_resize_bilinear_params` (`Templates/kernels/common/mcuc_resize.h`).
struct ResizeBilinearKernelParams: KernelParams {
    static let cType = "mcuc_resize_bilinear_params"
    var batches: Int32
    var inH: Int32, inW: Int32, depth: Int32
    var outH: Int32, outW: Int32
    var rows: TableRef
    var cols: TableRef
}

extension OpLowering {
    /// TRANSPOSE: output elements in increasing order; output dimension `d` steps the input by
    /// the stride of input dimension `perm[d]`.
    func transpose(_ p: TransposeParams) -> KernelCall {
        let input = operand(0), inShape = graph[input].shape, inStrides = inShape.rowMajorStrides
        let perm = p.permutation
        let params = TransposeKernelParams(rank: Int32(inShape.rank), count: count(input),
                                           dims: RankArray(perm.map { inShape.dims[$0] }),
                                           strides: RankArray(perm.map { inStrides[$0] }))
        let binding = bind(.transpose, "mcuc_transpose_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.transpose, binding, detail: "perm \(perm.map(String.init).joined(separator: ","))")
    }

    /// DEPTH_TO_SPACE / SPACE_TO_DEPTH: TRANSPOSE's kernel walking the op's six dimensions (the
    /// output in row-major order, the input by the walk's steps).
    func stridedCopy(_ p: StridedCopy) -> KernelCall {
        let input = operand(0)
        precondition(p.start == 0 && p.count == graph[output].shape.elementCount, "a full rearrangement (checked)")
        let params = TransposeKernelParams(rank: Int32(p.dims.count), count: Int32(p.count),
                                           dims: RankArray(p.dims), strides: RankArray(p.steps))
        let binding = bind(.transpose, "mcuc_transpose_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.transpose, binding, detail: "\(node.op.name.lowercased()) as a \(p.dims.count)-d walk")
    }

    /// STRIDED_SLICE: the visited elements in row-major order, as input element steps.
    func stridedSlice(_ plan: StridedSlicePlan) -> KernelCall {
        let input = operand(0), inStrides = graph[input].shape.rowMajorStrides
        let count = plan.axes.reduce(1) { $0 * $1.count }
        precondition(count == graph[output].shape.elementCount, "strided slice writes every output element (checked)")
        let params = StridedSliceKernelParams(
            rank: Int32(plan.axes.count), count: Int32(count),
            start: Int32(zip(plan.axes, inStrides).reduce(0) { $0 + $1.0.start * $1.1 }),
            counts: RankArray(plan.axes.map(\.count)), steps: RankArray(zip(plan.axes, inStrides).map { $0.stride * $1 }))
        return call(.stridedSlice, bind(.stridedSlice, "mcuc_strided_slice_s8", params, [.tensor(input), .tensor(output)],
                                        tables: constantTables([input])))
    }

    /// RESIZE_NEAREST_NEIGHBOR: each output pixel copies its source pixel, from two index tables.
    func resizeNearestNeighbor(_ p: ResizeNearestNeighborParams) -> KernelCall {
        let input = operand(0), inShape = graph[input].shape, outShape = graph[output].shape
        let rows = ConstantTable(id: .call(node.id, role: "source_rows"), kind: .indices("source rows"),
                                 values: .int32(p.sourceRows.map { Int32($0) }))
        let cols = ConstantTable(id: .call(node.id, role: "source_cols"), kind: .indices("source cols"),
                                 values: .int32(p.sourceColumns.map { Int32($0) }))
        let params = ResizeKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), depth: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), sourceRows: rows.ref, sourceCols: cols.ref)
        let binding = bind(.resize, "mcuc_resize_nearest_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]) + [rows, cols])
        return call(.resizeNearestNeighbor, binding,
                    detail: "\(inShape[1])x\(inShape[2]) to \(outShape[1])x\(outShape[2])")
    }

    /// RESIZE_BILINEAR: each output pixel blends its row and column taps (two tables of
    /// `low, high, lowWeight, highWeight` per output row and column).
    func resizeBilinear(_ p: ResizeBilinearParams) -> KernelCall {
        let input = operand(0), inShape = graph[input].shape, outShape = graph[output].shape
        func table(_ role: String, _ taps: [BilinearSource.Tap]) -> ConstantTable {
            ConstantTable(id: .call(node.id, role: role), kind: .indices("bilinear \(role): low, high, weights"),
                          values: .int32(taps.flatMap { [$0.low, $0.high, $0.lowWeight, $0.highWeight].map { Int32($0) } }))
        }
        let rows = table("rows", p.rows), cols = table("cols", p.columns)
        let params = ResizeBilinearKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), depth: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), rows: rows.ref, cols: cols.ref)
        let binding = bind(.resize, "mcuc_resize_bilinear_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]) + [rows, cols])
        return call(.resizeBilinear, binding, detail: "\(inShape[1])x\(inShape[2]) to \(outShape[1])x\(outShape[2])")
    }
}
