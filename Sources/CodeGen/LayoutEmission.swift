import IR
import Lowering

/// Pooling, MEAN and the ops that move bytes: PAD, TRANSPOSE, STRIDED_SLICE,
/// RESIZE_NEAREST_NEIGHBOR and CONCATENATION by copying.
extension CallEmitter {
    func pool(_ w: ConvWindow) -> EmittedCall {
        let input = operand(0)
        let inShape = graph[input].shape, outShape = graph[output].shape
        let function: String
        let range: ClosedRange<Int32>
        switch node.op {
        case .averagePool2d(let op): function = "mcuc_avg_pool_s8"; range = op.prepare(operands).range
        case .maxPool2d(let op): function = "mcuc_max_pool_s8"; range = op.prepare(operands).range
        default: preconditionFailure("pool kernel for \(node.op.name)")
        }
        var block = ParameterBlock(type: "mcuc_pool_params", name: parametersName)
        block.set("batches", inShape[0])
        block.set("in_h", inShape[1]); block.set("in_w", inShape[2]); block.set("depth", inShape[3])
        block.set("out_h", outShape[1]); block.set("out_w", outShape[2])
        block.set("filter_h", w.filterHeight); block.set("filter_w", w.filterWidth)
        block.set("stride_h", w.strideH); block.set("stride_w", w.strideW)
        block.set("pad_top", w.padTop); block.set("pad_left", w.padLeft)
        block.set("act_min", range.lowerBound); block.set("act_max", range.upperBound)
        return EmittedCall(statements: [statement(function, [pointer(input), pointer(output)])], detail: w.text,
                           parameters: block, tables: constantTables([input]), kernels: [.pool])
    }

    func requireRank(_ rank: Int) throws(CompileError) {
        guard rank <= CodeGen.maxRank else {
            throw error("rank \(rank) exceeds the runtime's limit of \(CodeGen.maxRank) dimensions")
        }
    }

    func mean() throws(CompileError) -> EmittedCall {
        guard case .mean(let op) = node.op else { preconditionFailure("mean kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        let input = operand(0)
        let shape = graph[input].shape
        try requireRank(shape.rank)
        let strides = shape.rowMajorStrides
        let kept = (0..<shape.rank).filter { !p.axes.contains($0) }
        let reduced = (0..<shape.rank).filter { p.axes.contains($0) }
        var block = ParameterBlock(type: "mcuc_mean_params", name: parametersName)
        block.set("kept_rank", kept.count)
        block.set("kept_dims", array: kept.map { shape.dims[$0] })
        block.set("kept_strides", array: kept.map { strides[$0] })
        block.set("reduced_rank", reduced.count)
        block.set("reduced_dims", array: reduced.map { shape.dims[$0] })
        block.set("reduced_strides", array: reduced.map { strides[$0] })
        block.set("output_count", kept.reduce(1) { $0 * shape.dims[$1] })
        block.set("correction", p.correction)
        block.set("mult", p.multiplier.multiplier); block.set("shift", p.multiplier.shift)
        block.set("output_zp", p.outputZeroPoint)
        return EmittedCall(statements: [statement("mcuc_mean_s8", [pointer(input), pointer(output)])],
                           detail: "over axes \(reduced.map(String.init).joined(separator: ","))",
                           parameters: block, tables: constantTables([input]), kernels: [.mean])
    }

    func pad() throws(CompileError) -> EmittedCall {
        let input = operand(0)
        let inShape = graph[input].shape, outShape = graph[output].shape
        try requireRank(inShape.rank)
        let p: PadParams
        switch node.op {
        case .pad(let op): p = op.prepare(operands)
        case .padV2(let op): p = op.prepare(operands)
        default: preconditionFailure("pad kernel for \(node.op.name)")
        }
        let outStrides = outShape.rowMajorStrides
        let start = (0..<inShape.rank).reduce(0) { $0 + p.before[$1] * outStrides[$1] }
        var block = ParameterBlock(type: "mcuc_pad_params", name: parametersName)
        block.set("rank", inShape.rank)
        block.set("out_count", outShape.elementCount)
        block.set("in_count", inShape.elementCount)
        block.set("start", start)
        block.set("in_dims", array: inShape.dims)
        block.set("out_strides", array: outStrides)
        block.set("fill", Int32(p.fill))
        return EmittedCall(statements: [statement("mcuc_pad_s8", [pointer(input), pointer(output)])],
                           parameters: block, tables: constantTables([input]), kernels: [.pad])
    }

    func transpose() throws(CompileError) -> EmittedCall {
        guard case .transpose(let op) = node.op else { preconditionFailure("transpose kernel for \(node.op.name)") }
        let input = operand(0)
        let inShape = graph[input].shape
        try requireRank(inShape.rank)
        let perm = op.prepare(operands).permutation
        let inStrides = inShape.rowMajorStrides
        var block = ParameterBlock(type: "mcuc_transpose_params", name: parametersName)
        block.set("rank", inShape.rank)
        block.set("count", inShape.elementCount)
        block.set("dims", array: perm.map { inShape.dims[$0] })
        block.set("strides", array: perm.map { inStrides[$0] })
        return EmittedCall(statements: [statement("mcuc_transpose_s8", [pointer(input), pointer(output)])],
                           detail: "perm \(perm.map(String.init).joined(separator: ","))",
                           parameters: block, tables: constantTables([input]), kernels: [.transpose])
    }

    func stridedSlice() throws(CompileError) -> EmittedCall {
        guard case .stridedSlice(let op) = node.op else { preconditionFailure("slice kernel for \(node.op.name)") }
        let input = operand(0)
        let inShape = graph[input].shape
        try requireRank(inShape.rank)
        let plan = op.prepare(operands)
        let inStrides = inShape.rowMajorStrides
        let count = plan.axes.reduce(1) { $0 * $1.count }
        precondition(count == graph[output].shape.elementCount, "strided slice writes every output element (checked)")
        var block = ParameterBlock(type: "mcuc_strided_slice_params", name: parametersName)
        block.set("rank", inShape.rank)
        block.set("count", count)
        block.set("start", zip(plan.axes, inStrides).reduce(0) { $0 + $1.0.start * $1.1 })
        block.set("counts", array: plan.axes.map(\.count))
        block.set("steps", array: zip(plan.axes, inStrides).map { $0.stride * $1 })
        return EmittedCall(statements: [statement("mcuc_strided_slice_s8", [pointer(input), pointer(output)])],
                           parameters: block, tables: constantTables([input]), kernels: [.stridedSlice])
    }

    func resize() -> EmittedCall {
        guard case .resizeNearestNeighbor(let op) = node.op else { preconditionFailure("resize kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        let input = operand(0)
        let inShape = graph[input].shape, outShape = graph[output].shape
        let rows = p.sourceRows.map { Int32($0) }, cols = p.sourceColumns.map { Int32($0) }
        var result = EmittedCall(detail: "\(inShape[1])x\(inShape[2]) to \(outShape[1])x\(outShape[2])", kernels: [.resize])
        result.tables = constantTables([input])
        var block = ParameterBlock(type: "mcuc_resize_params", name: parametersName)
        block.set("batches", inShape[0])
        block.set("in_h", inShape[1]); block.set("in_w", inShape[2]); block.set("depth", inShape[3])
        block.set("out_h", outShape[1]); block.set("out_w", outShape[2])
        for (field, values) in [("source_rows", rows), ("source_cols", cols)] {
            if values.isEmpty {
                block.set(field, literal: "0")
                continue
            }
            let table = CTable(name: tableName(field), values: .int32(values),
                               comment: "op \(node.id.index): \(field.replacingOccurrences(of: "_", with: " "))")
            result.tables.append(table)
            block.set(field, literal: table.name)
        }
        result.parameters = block
        result.statements = [statement("mcuc_resize_nearest_s8", [pointer(input), pointer(output)])]
        return result
    }

    func concatenation() -> EmittedCall {
        guard case .concatenation(let op) = node.op else { preconditionFailure("concat kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        let inputs = node.inputs.map { id -> TensorID in
            guard let id else { preconditionFailure("concatenation operands are present (checked)") }
            return id
        }
        let slices = p.sliceElements.map { Int32($0) }
        var result = EmittedCall(detail: "\(inputs.count) inputs along axis \(p.axis)", kernels: [.concat])
        result.tables = constantTables(inputs)
        let table = CTable(name: tableName("slices"), values: .int32(slices), comment: "op \(node.id.index): slice bytes per input")
        result.tables.append(table)
        var block = ParameterBlock(type: "mcuc_concat_params", name: parametersName)
        block.set("inputs", inputs.count)
        block.set("outer", p.outer)
        block.set("slice_bytes", literal: table.name)
        result.parameters = block
        let list = "(const int8_t *const[]){ " + inputs.map(pointer).joined(separator: ", ") + " }"
        result.statements = [statement("mcuc_concat_s8", [list, pointer(output)])]
        return result
    }
}
