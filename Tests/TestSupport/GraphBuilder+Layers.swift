import IR

/// Layer-level helpers on `GraphBuilder` for planning tests: int8 activations with scale 0.5 and
/// zero point -1, zero weights, output shapes computed as TFLite does.
extension GraphBuilder {
    /// An int8 graph input with the default quantization.
    public mutating func input(_ dims: [Int]) -> TensorID { input(dims, scale: 0.5, zeroPoint: -1) }

    /// Appends `op(operands) -> a new int8 tensor of shape dims` and returns it.
    @discardableResult
    public mutating func op(_ op: Op, _ operands: [TensorID?], _ dims: [Int]) -> TensorID {
        let output = activation(dims, scale: 0.5, zeroPoint: -1)
        node(op, inputs: operands, output: output)
        return output
    }

    /// The shape of `id`.
    public func shape(_ id: TensorID) -> Shape { tensors[id.index].shape }

    /// Spatial output size of a window op (TFLite's SAME / VALID arithmetic).
    public static func outSize(_ size: Int, filter: Int, stride: Int, dilation: Int = 1, padding: Padding) -> Int {
        padding == .same ? (size + stride - 1) / stride : (size - ((filter - 1) * dilation + 1)) / stride + 1
    }

    /// Zero weights `[count, ...]` with per-channel quantization over `channels` along `axis`.
    mutating func weights(_ dims: [Int], channels: Int, axis: Int) -> TensorID {
        let quant = channels == 1 ? QuantParams.perTensor(scale: 0.01, zeroPoint: 0)
            : QuantParams(scale: Array(repeating: 0.01, count: channels), zeroPoint: Array(repeating: 0, count: channels),
                          axis: axis)
        return constInt8(dims, Array(repeating: 0, count: Shape(dims).elementCount), quant: quant)
    }

    /// CONV_2D with a `k`x`k` filter and `cout` channels.
    public mutating func conv(_ x: TensorID, cout: Int, k: Int, stride: Int = 1, padding: Padding = .same,
                              dilation: Int = 1) -> TensorID {
        let s = shape(x)
        let w = weights([cout, k, k, s[3]], channels: cout, axis: 0)
        let b = constInt32([cout], Array(repeating: 0, count: cout))
        let h = Self.outSize(s[1], filter: k, stride: stride, dilation: dilation, padding: padding)
        let wd = Self.outSize(s[2], filter: k, stride: stride, dilation: dilation, padding: padding)
        let attrs = Conv2D(padding: padding, strideH: stride, strideW: stride, dilationH: dilation,
                                dilationW: dilation, activation: .relu)
        return op(.conv2d(attrs), [x, w, b], [s[0], h, wd, cout])
    }

    /// DEPTHWISE_CONV_2D with a `k`x`k` filter.
    public mutating func depthwise(_ x: TensorID, k: Int, stride: Int = 1, padding: Padding = .same,
                                   multiplier: Int = 1) -> TensorID {
        let s = shape(x)
        let c = s[3] * multiplier
        let w = weights([1, k, k, c], channels: c, axis: 3)
        let b = constInt32([c], Array(repeating: 0, count: c))
        let h = Self.outSize(s[1], filter: k, stride: stride, padding: padding)
        let wd = Self.outSize(s[2], filter: k, stride: stride, padding: padding)
        let attrs = DepthwiseConv2D(padding: padding, strideH: stride, strideW: stride, dilationH: 1,
                                         dilationW: 1, depthMultiplier: multiplier, activation: .relu6)
        return op(.depthwiseConv2d(attrs), [x, w, b], [s[0], h, wd, c])
    }

    /// FULLY_CONNECTED to `cout` outputs per row.
    public mutating func fullyConnected(_ x: TensorID, cout: Int) -> TensorID {
        let s = shape(x)
        let depth = s.dims.last!
        let w = weights([cout, depth], channels: 1, axis: 0)
        let b = constInt32([cout], Array(repeating: 0, count: cout))
        return op(.fullyConnected(FullyConnected(activation: .none, keepNumDims: false)), [x, w, b],
                  [s.elementCount / depth, cout])
    }

    /// The graph with `outputs`.
    public func build(outputs: [TensorID]) -> Graph {
        var copy = self
        copy.outputs = outputs
        return copy.build()
    }
}
