import IR

/// Random small networks made only of ops a patch stage can run (CONV_2D, DEPTHWISE_CONV_2D,
/// pools, PAD, RELU, residual ADD, channel CONCATENATION), with random kernels, strides,
/// dilations and paddings, and random non-zero int8 weights, so every tap matters.
///
/// Shapes follow TFLite's SAME / VALID arithmetic; output scales keep most values unsaturated.
public struct RandomPatchNetwork {
    public private(set) var builder = GraphBuilder()
    var random: SeededRandom
    var scales: [TensorID: Float] = [:]

    /// A network of `layers` random layers on a random input (6 to 12 pixels a side).
    public static func make(seed: UInt64, layers: Int) -> Graph {
        var net = RandomPatchNetwork(random: SeededRandom(seed: seed))
        var x = net.input()
        for _ in 0..<layers { x = net.randomLayer(x) }
        return net.builder.build(outputs: [x])
    }

    init(random: SeededRandom) { self.random = random }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func input() -> TensorID {
        let id = builder.input([1, int(6...12), int(6...12), int(1...3)], scale: 0.05, zeroPoint: Int32(int(-20...20)))
        scales[id] = 0.05
        return id
    }

    func shape(_ id: TensorID) -> Shape { builder.shape(id) }

    /// One random layer reading `x` (falling back to a 1x1 conv where a window does not fit).
    mutating func randomLayer(_ x: TensorID) -> TensorID {
        switch int(0...7) {
        case 0, 1: return conv(x, k: int(1...3), stride: int(1...2), dilation: int(1...2), same: int(0...1) == 0,
                               cout: int(1...4))
        case 2: return depthwise(x, k: int(1...3), stride: int(1...2), dilation: int(1...2), same: int(0...1) == 0,
                                 multiplier: int(1...2))
        case 3: return pool(x, k: int(2...3), stride: int(1...2), same: int(0...1) == 0, max: int(0...1) == 0)
        case 4: return pad(x, [int(0...2), int(0...2), int(0...2), int(0...2)])
        case 5: return residual(x)
        case 6: return concat(x)
        default: return unary(x)
        }
    }

    /// A new int8 activation whose scale is `scale`.
    mutating func activation(_ dims: [Int], scale: Float) -> TensorID {
        let id = builder.activation(dims, scale: scale, zeroPoint: Int32(int(-10...10)))
        scales[id] = scale
        return id
    }

    /// Random non-zero int8 values.
    mutating func weights(_ dims: [Int], scale: Float) -> TensorID {
        let values = (0..<Shape(dims).elementCount).map { _ in Int8(int(1...127) * (int(0...1) == 0 ? 1 : -1)) }
        return builder.constInt8(dims, values, quant: .perTensor(scale: scale, zeroPoint: 0))
    }

    mutating func bias(_ count: Int, scale: Float) -> TensorID {
        builder.constInt32([count], (0..<count).map { _ in Int32(int(-500...500)) }, quant: .perTensor(scale: scale, zeroPoint: 0))
    }

    static func outSize(_ n: Int, _ k: Int, _ s: Int, _ d: Int, same: Bool) -> Int {
        GraphBuilder.outSize(n, filter: k, stride: s, dilation: d, padding: same ? .same : .valid)
    }

    /// A convolution; its output has quantization `like`'s when given (a concatenation's operand).
    mutating func conv(_ x: TensorID, k: Int, stride: Int, dilation: Int, same: Bool, cout: Int,
                       like: TensorID? = nil) -> TensorID {
        let s = shape(x), effective = (k - 1) * dilation + 1
        guard same || (s[1] >= effective && s[2] >= effective) else {
            return conv(x, k: 1, stride: 1, dilation: 1, same: true, cout: cout, like: like)
        }
        let wScale: Float = 0.01, taps = Float(k * k * s[3])
        let w = weights([cout, k, k, s[3]], scale: wScale)
        let b = bias(cout, scale: scales[x]! * wScale)
        let dims = [1, Self.outSize(s[1], k, stride, dilation, same: same), Self.outSize(s[2], k, stride, dilation, same: same), cout]
        let out = like.map { quantizedLike($0, dims) } ?? activation(dims, scale: scales[x]! * wScale * 40 * taps.squareRoot())
        let attrs = Conv2D(padding: same ? .same : .valid, strideH: stride, strideW: stride, dilationH: dilation,
                                dilationW: dilation, activation: .none)
        builder.node(.conv2d(attrs), inputs: [x, w, b], output: out)
        return out
    }

    mutating func depthwise(_ x: TensorID, k: Int, stride: Int, dilation: Int, same: Bool, multiplier: Int) -> TensorID {
        let s = shape(x), effective = (k - 1) * dilation + 1
        guard same || (s[1] >= effective && s[2] >= effective) else { return unary(x) }
        let c = s[3] * multiplier, wScale: Float = 0.01
        let w = weights([1, k, k, c], scale: wScale)
        let b = bias(c, scale: scales[x]! * wScale)
        let out = activation([1, Self.outSize(s[1], k, stride, dilation, same: same), Self.outSize(s[2], k, stride, dilation, same: same), c],
                             scale: scales[x]! * wScale * 40 * Float(k))
        let attrs = DepthwiseConv2D(padding: same ? .same : .valid, strideH: stride, strideW: stride, dilationH: dilation,
                                         dilationW: dilation, depthMultiplier: multiplier, activation: .none)
        builder.node(.depthwiseConv2d(attrs), inputs: [x, w, b], output: out)
        return out
    }

    mutating func pool(_ x: TensorID, k: Int, stride: Int, same: Bool, max: Bool) -> TensorID {
        let s = shape(x)
        guard same || (s[1] >= k && s[2] >= k) else { return unary(x) }
        let id = builder.activation([1, Self.outSize(s[1], k, stride, 1, same: same), Self.outSize(s[2], k, stride, 1, same: same), s[3]],
                                    scale: scales[x]!, zeroPoint: builder.tensors[x.index].quant!.zeroPoint[0])
        scales[id] = scales[x]!
        let padding: Padding = same ? .same : .valid
        let op: Op = max
            ? .maxPool2d(MaxPool2D(padding: padding, strideH: stride, strideW: stride, filterH: k, filterW: k, activation: .none))
            : .averagePool2d(AveragePool2D(padding: padding, strideH: stride, strideW: stride, filterH: k, filterW: k,
                                           activation: .none))
        builder.node(op, inputs: [x], output: id)
        return id
    }

    /// PAD of (top, bottom, left, right).
    mutating func pad(_ x: TensorID, _ p: [Int]) -> TensorID {
        let s = shape(x)
        let pads = builder.constInt32([4, 2], [0, 0, Int32(p[0]), Int32(p[1]), Int32(p[2]), Int32(p[3]), 0, 0])
        let id = builder.activation([1, s[1] + p[0] + p[1], s[2] + p[2] + p[3], s[3]], scale: scales[x]!,
                                    zeroPoint: builder.tensors[x.index].quant!.zeroPoint[0])
        scales[id] = scales[x]!
        builder.node(.pad(Pad()), inputs: [x, pads], output: id)
        return id
    }

    /// `x + conv3x3(x)` (same shape).
    mutating func residual(_ x: TensorID) -> TensorID {
        let y = conv(x, k: 3, stride: 1, dilation: int(1...2), same: true, cout: shape(x)[3])
        let out = activation(shape(x).dims, scale: max(scales[x]!, scales[y]!) * 2)
        builder.node(.add(Add(activation: .none)), inputs: [x, y], output: out)
        return out
    }

    /// A new int8 activation quantized as `other` is.
    mutating func quantizedLike(_ other: TensorID, _ dims: [Int]) -> TensorID {
        let id = builder.activation(dims, scale: scales[other]!, zeroPoint: builder.tensors[other.index].quant!.zeroPoint[0])
        scales[id] = scales[other]!
        return id
    }

    /// `concat(x, conv(x))` along channels (operands and output share one quantization, as
    /// CONCATENATION requires).
    mutating func concat(_ x: TensorID) -> TensorID {
        let y = conv(x, k: int(1...3), stride: 1, dilation: 1, same: true, cout: int(1...3), like: x)
        let out = quantizedLike(x, [1, shape(x)[1], shape(x)[2], shape(x)[3] + shape(y)[3]])
        builder.node(.concatenation(Concatenation(axis: 3, activation: .none)), inputs: [x, y], output: out)
        return out
    }

    mutating func unary(_ x: TensorID) -> TensorID {
        let out = activation(shape(x).dims, scale: scales[x]!)
        builder.node(.relu(Relu()), inputs: [x], output: out)
        return out
    }
}
