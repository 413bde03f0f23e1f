/// Attributes of CONV_2D.
public struct Conv2DAttrs: Sendable, Hashable {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    public var activation: FusedActivation
    public init(padding: Padding, strideH: Int, strideW: Int, dilationH: Int, dilationW: Int,
                activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.activation = activation
    }
}

/// Attributes of DEPTHWISE_CONV_2D.
public struct DepthwiseConv2DAttrs: Sendable, Hashable {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    /// Output channels per input channel. Stored as in the file; the weights' channel count
    /// (`inC * depthMultiplier`) is authoritative and checked against it.
    public var depthMultiplier: Int
    public var activation: FusedActivation
    public init(padding: Padding, strideH: Int, strideW: Int, dilationH: Int, dilationW: Int,
                depthMultiplier: Int, activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.depthMultiplier = depthMultiplier
        self.activation = activation
    }
}

/// Attributes of FULLY_CONNECTED.
public struct FullyConnectedAttrs: Sendable, Hashable {
    public var activation: FusedActivation
    /// Keep the input's leading dimensions instead of flattening them into a batch dimension.
    public var keepNumDims: Bool
    public init(activation: FusedActivation, keepNumDims: Bool) {
        self.activation = activation
        self.keepNumDims = keepNumDims
    }
}

/// Attributes of ADD, SUB and MUL.
public struct ElementwiseAttrs: Sendable, Hashable {
    public var activation: FusedActivation
    public init(activation: FusedActivation) { self.activation = activation }
}

/// Attributes of AVERAGE_POOL_2D and MAX_POOL_2D.
public struct Pool2DAttrs: Sendable, Hashable {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var filterH: Int, filterW: Int
    public var activation: FusedActivation
    public init(padding: Padding, strideH: Int, strideW: Int, filterH: Int, filterW: Int,
                activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.filterH = filterH
        self.filterW = filterW
        self.activation = activation
    }
}

/// Attributes of MEAN (the reduction axes are the constant second input).
public struct ReducerAttrs: Sendable, Hashable {
    public var keepDims: Bool
    public init(keepDims: Bool) { self.keepDims = keepDims }
}

/// Attributes of RESHAPE: the `new_shape` option, when present (the shape input wins when given).
public struct ReshapeAttrs: Sendable, Hashable {
    public var newShape: [Int]?
    public init(newShape: [Int]?) { self.newShape = newShape }
}

/// Attributes of SQUEEZE: the dimensions to drop (empty = every dimension of size 1).
public struct SqueezeAttrs: Sendable, Hashable {
    public var squeezeDims: [Int]
    public init(squeezeDims: [Int]) { self.squeezeDims = squeezeDims }
}

/// Attributes of SOFTMAX.
public struct SoftmaxAttrs: Sendable, Hashable {
    public var beta: Float
    public init(beta: Float) { self.beta = beta }
}

/// Attributes of CONCATENATION.
public struct ConcatenationAttrs: Sendable, Hashable {
    /// The axis as stored (may be negative).
    public var axis: Int
    public var activation: FusedActivation
    public init(axis: Int, activation: FusedActivation) {
        self.axis = axis
        self.activation = activation
    }
}

/// Attributes of LEAKY_RELU.
public struct LeakyReluAttrs: Sendable, Hashable {
    public var alpha: Float
    public init(alpha: Float) { self.alpha = alpha }
}

/// Attributes of RESIZE_NEAREST_NEIGHBOR (the output size is the constant second input).
public struct ResizeAttrs: Sendable, Hashable {
    public var alignCorners: Bool
    public var halfPixelCenters: Bool
    public init(alignCorners: Bool, halfPixelCenters: Bool) {
        self.alignCorners = alignCorners
        self.halfPixelCenters = halfPixelCenters
    }
}

/// Attributes of STRIDED_SLICE (begin, end and strides are constant inputs 1...3).
public struct StridedSliceAttrs: Sendable, Hashable {
    public var beginMask: Int32, endMask: Int32
    public var ellipsisMask: Int32, newAxisMask: Int32, shrinkAxisMask: Int32
    /// `offset`: end values are relative to begin.
    public var offset: Bool
    public init(beginMask: Int32, endMask: Int32, ellipsisMask: Int32, newAxisMask: Int32,
                shrinkAxisMask: Int32, offset: Bool) {
        self.beginMask = beginMask
        self.endMask = endMask
        self.ellipsisMask = ellipsisMask
        self.newAxisMask = newAxisMask
        self.shrinkAxisMask = shrinkAxisMask
        self.offset = offset
    }
}

/// An operator mcuc does not implement, kept by name so tools can report it.
public struct UnsupportedOpInfo: Sendable, Hashable {
    /// The builtin code (`max(deprecated_builtin_code, builtin_code)`), or -1 for CUSTOM ops.
    public var builtinCode: Int32
    /// `UNIDIRECTIONAL_SEQUENCE_LSTM`, or `CUSTOM(<name>)` for custom ops (name sanitized).
    public var name: String
    public init(builtinCode: Int32, name: String) {
        self.builtinCode = builtinCode
        self.name = name
    }
}
