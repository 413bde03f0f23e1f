extension Op {
    /// The op's attributes as ordered `key=value` pairs (`stride=2x2`), for the text form and
    /// `inspect`. Stable: the order and spelling are part of the golden text form.
    public var attributeSummary: [(key: String, value: String)] {
        switch self {
        case .conv2d(let a):
            return [("padding", "\(a.padding)"), ("stride", "\(a.strideH)x\(a.strideW)"),
                    ("dilation", "\(a.dilationH)x\(a.dilationW)"), ("act", "\(a.activation)")]
        case .depthwiseConv2d(let a):
            return [("padding", "\(a.padding)"), ("stride", "\(a.strideH)x\(a.strideW)"),
                    ("dilation", "\(a.dilationH)x\(a.dilationW)"), ("multiplier", "\(a.depthMultiplier)"),
                    ("act", "\(a.activation)")]
        case .fullyConnected(let a):
            return [("keep_num_dims", "\(a.keepNumDims)"), ("act", "\(a.activation)")]
        case .add(let a), .sub(let a), .mul(let a):
            return [("act", "\(a.activation)")]
        case .averagePool2d(let a), .maxPool2d(let a):
            return [("padding", "\(a.padding)"), ("filter", "\(a.filterH)x\(a.filterW)"),
                    ("stride", "\(a.strideH)x\(a.strideW)"), ("act", "\(a.activation)")]
        case .mean(let a):
            return [("keep_dims", "\(a.keepDims)")]
        case .reshape(let a):
            return a.newShape.map { [("new_shape", "\(Shape($0.map { max($0, 0) }))")] } ?? []
        case .squeeze(let a):
            return [("squeeze_dims", "\(a.squeezeDims)")]
        case .softmax(let a):
            return [("beta", "\(a.beta)")]
        case .concatenation(let a):
            return [("axis", "\(a.axis)"), ("act", "\(a.activation)")]
        case .leakyRelu(let a):
            return [("alpha", "\(a.alpha)")]
        case .resizeNearestNeighbor(let a):
            return [("align_corners", "\(a.alignCorners)"), ("half_pixel_centers", "\(a.halfPixelCenters)")]
        case .stridedSlice(let a):
            return [("begin_mask", "\(a.beginMask)"), ("end_mask", "\(a.endMask)"),
                    ("ellipsis_mask", "\(a.ellipsisMask)"), ("new_axis_mask", "\(a.newAxisMask)"),
                    ("shrink_axis_mask", "\(a.shrinkAxisMask)"), ("offset", "\(a.offset)")]
        case .pad, .padV2, .logistic, .tanh, .hardSwish, .relu, .relu6, .quantize, .dequantize,
             .transpose, .unsupported:
            return []
        }
    }
}
