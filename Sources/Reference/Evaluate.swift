import IR

extension Reference {
    /// Dispatches one node to its kernel: the reference op registry.
    static func evaluate(_ c: OpContext) throws(CompileError) -> TensorValue {
        switch c.node.op {
        case .conv2d(let a): return try ReferenceConv2D.run(c, a)
        case .depthwiseConv2d(let a): return try ReferenceDepthwiseConv2D.run(c, a)
        case .fullyConnected(let a): return try ReferenceFullyConnected.run(c, a)
        case .add(let a): return try ReferenceAddSub.run(c, a, subtract: false)
        case .sub(let a): return try ReferenceAddSub.run(c, a, subtract: true)
        case .mul(let a): return try ReferenceMul.run(c, a)
        case .averagePool2d(let a): return try ReferencePooling.average(c, a)
        case .maxPool2d(let a): return try ReferencePooling.max(c, a)
        case .mean(let a): return try ReferenceMean.run(c, a)
        case .pad, .padV2: return try ReferencePad.run(c)
        case .reshape, .squeeze: return try ReferenceReshape.run(c)
        case .concatenation(let a): return try ReferenceConcatenation.run(c, a)
        case .softmax(let a): return try ReferenceSoftmax.run(c, a)
        case .logistic: return try ReferenceLogistic.run(c)
        case .tanh: return try ReferenceTanh.run(c)
        case .hardSwish: return try ReferenceHardSwish.run(c)
        case .relu, .relu6: return try ReferenceRelu.run(c)
        case .leakyRelu(let a): return try ReferenceLeakyRelu.run(c, a)
        case .quantize: return try ReferenceQuantize.run(c)
        case .dequantize: return try ReferenceDequantize.run(c)
        case .resizeNearestNeighbor(let a): return try ReferenceResizeNearestNeighbor.run(c, a)
        case .transpose: return try ReferenceTranspose.run(c)
        case .stridedSlice(let a): return try ReferenceStridedSlice.run(c, a)
        case .unsupported:
            throw c.error(.unsupported, "operator \(c.node.op.name) is not supported by mcuc")
        }
    }
}
