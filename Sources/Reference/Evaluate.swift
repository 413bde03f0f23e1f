import IR

extension Reference {
    /// One node's outputs in order, and the variable tensors it rewrites (their new values).
    static func evaluateNode(_ c: OpContext) throws(CompileError) -> (outputs: [TensorValue], state: [TensorID: TensorValue]) {
        switch c.node.op {
        case .unidirectionalSequenceLSTM(let op):
            typealias O = UnidirectionalSequenceLSTM.Operand
            let r = ReferenceLSTM.run(c, op.prepare(OpOperands(node: c.node, graph: c.graph)))
            return ([r.output], [c.node.input(O.hiddenState)!: r.hidden, c.node.input(O.cellState)!: r.cell])
        case .svdf(let op):
            let r = ReferenceSvdf.run(c, op.prepare(OpOperands(node: c.node, graph: c.graph)))
            return ([r.output], [c.node.input(Svdf.Operand.state)!: r.state])
        default:
            return (try evaluateAll(c), [:])
        }
    }

    /// Every output of one node, in order: the ops with several outputs, else `evaluate`'s one.
    static func evaluateAll(_ c: OpContext) throws(CompileError) -> [TensorValue] {
        let operands = OpOperands(node: c.node, graph: c.graph)
        switch c.node.op {
        case .split(let op): return ReferenceSplit.run(c, op.prepare(operands))
        case .splitV(let op): return ReferenceSplit.run(c, op.prepare(operands))
        case .unpack(let op): return ReferenceSplit.run(c, op.prepare(operands))
        default: return [try evaluate(c)]
        }
    }

    /// Dispatches one node to its kernel with the op's prepared constants: the reference op registry.
    static func evaluate(_ c: OpContext) throws(CompileError) -> TensorValue {
        let operands = OpOperands(node: c.node, graph: c.graph)
        switch c.node.op {
        case .conv2d(let op): return ReferenceConv2D.run(c, op.prepare(operands))
        case .depthwiseConv2d(let op): return ReferenceDepthwiseConv2D.run(c, op.prepare(operands))
        case .fullyConnected(let op): return ReferenceFullyConnected.run(c, op.prepare(operands))
        case .add(let op): return ReferenceAddSub.run(c, op.prepare(operands), subtract: false)
        case .sub(let op): return ReferenceAddSub.run(c, op.prepare(operands), subtract: true)
        case .mul(let op): return ReferenceMul.run(c, op.prepare(operands))
        case .averagePool2d(let op): return ReferencePooling.average(c, op.prepare(operands))
        case .maxPool2d(let op): return ReferencePooling.max(c, op.prepare(operands))
        case .mean(let op): return ReferenceMean.run(c, op.prepare(operands))
        case .pad(let op): return ReferencePad.run(c, op.prepare(operands))
        case .padV2(let op): return ReferencePad.run(c, op.prepare(operands))
        case .reshape, .squeeze: return ReferenceReshape.run(c)
        case .concatenation(let op): return ReferenceConcatenation.run(c, op.prepare(operands))
        case .softmax(let op): return try ReferenceSoftmax.run(c, op.prepare(operands))
        case .logistic(let op): return ReferenceLogistic.run(c, op.prepare(operands))
        case .tanh(let op): return ReferenceTanh.run(c, op.prepare(operands))
        case .hardSwish(let op): return ReferenceHardSwish.run(c, op.prepare(operands))
        case .relu(let op): return ReferenceRelu.run(c, op.prepare(operands))
        case .relu6(let op): return ReferenceRelu6.run(c, op.prepare(operands))
        case .leakyRelu(let op): return ReferenceLeakyRelu.run(c, op.prepare(operands))
        case .quantize(let op): return ReferenceQuantize.run(c, op.prepare(operands))
        case .dequantize(let op): return ReferenceDequantize.run(c, op.prepare(operands))
        case .resizeNearestNeighbor(let op): return ReferenceResizeNearestNeighbor.run(c, op.prepare(operands))
        case .transpose(let op): return ReferenceTranspose.run(c, op.prepare(operands))
        case .stridedSlice(let op): return ReferenceStridedSlice.run(c, op.prepare(operands))
        case .logSoftmax(let op): return ReferenceLogSoftmax.run(c, op.prepare(operands))
        case .expandDims: return ReferenceReshape.run(c)
        case .slice(let op): return ReferenceStridedSlice.run(c, op.prepare(operands))
        case .depthToSpace(let op): return ReferenceStridedCopy.run(c, op.prepare(operands))
        case .spaceToDepth(let op): return ReferenceStridedCopy.run(c, op.prepare(operands))
        case .pack(let op): return ReferenceConcatenation.run(c, op.prepare(operands))
        case .maximum: return ReferenceMaximumMinimum.run(c, maximum: true)
        case .minimum: return ReferenceMaximumMinimum.run(c, maximum: false)
        case .abs(let op): return ReferenceAbs.run(c, op.prepare(operands))
        case .mirrorPad(let op): return ReferenceAxisGather.run(c, op.prepare(operands))
        case .gather(let op): return try ReferenceGather.run(c, op.prepare(operands))
        case .squaredDifference(let op): return ReferenceSquaredDifference.run(c, op.prepare(operands))
        case .prelu(let op): return ReferencePrelu.run(c, op.prepare(operands))
        case .sum(let op): return ReferenceMean.run(c, op.prepare(operands))
        case .elu(let op): return try ReferenceLookupTable.run(c, op.prepare(operands))
        case .rsqrt(let op): return try ReferenceLookupTable.run(c, op.prepare(operands))
        case .l2Normalization(let op): return ReferenceL2Normalization.run(c, op.prepare(operands))
        case .batchMatMul(let op): return ReferenceBatchMatMul.run(c, op.prepare(operands))
        case .reduceMax(let op): return ReferenceReduceMax.run(c, op.prepare(operands))
        case .argMax(let op): return ReferenceArgMinMax.run(c, op.prepare(operands))
        case .argMin(let op): return ReferenceArgMinMax.run(c, op.prepare(operands))
        case .transposeConv(let op): return ReferenceTransposeConv.run(c, op.prepare(operands))
        case .resizeBilinear(let op): return ReferenceResizeBilinear.run(c, op.prepare(operands))
        case .spaceToBatchNd(let op): return ReferenceSpaceToBatch.run(c, op.prepare(operands))
        case .batchToSpaceNd(let op): return ReferenceAxisGather.run(c, op.prepare(operands))
        case .split, .splitV, .unpack: preconditionFailure("\(c.node.op.name) has several outputs: evaluateAll runs it")
        case .unidirectionalSequenceLSTM, .svdf: preconditionFailure("\(c.node.op.name) writes state: evaluateNode runs it")
        case .unsupported:
            throw c.error(.unsupported, "operator \(c.node.op.name) is not supported by mcuc")
        }
    }
}
