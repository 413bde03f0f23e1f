import IR
import Testing
import TestSupport

/// The per-op checks of the linear ops: every graph a reference kernel could not run is a clear
/// `CompileError` naming the tensor at fault.
@Suite struct LinearOpChecksTests {
    static func q(_ scale: Float, _ zp: Int32 = 0) -> QuantParams { .perTensor(scale: scale, zeroPoint: zp) }

    static func problem(_ graph: Graph) -> CompileError? { SupportCheck.problems(in: graph).first }

    /// CONV_2D 3x3 SAME on [1, 5, 5, 4] -> [1, 5, 5, 6] unless overridden.
    static func conv(input: [Int] = [1, 5, 5, 4], filter: [Int] = [6, 3, 3, 4], output: [Int] = [1, 5, 5, 6],
                     stride: Int = 1, dilation: Int = 1, padding: Padding = .same,
                     weightQ: QuantParams = .perTensor(scale: 0.01, zeroPoint: 0), biasCount: Int? = 6,
                     constantFilter: Bool = true, outScale: Float = 0.1) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.05, zeroPoint: 1)
        let count = filter.reduce(1, *)
        let w = constantFilter ? b.constInt8(filter, [Int8](repeating: 1, count: count), quant: weightQ)
                               : b.input(filter, scale: 0.01, zeroPoint: 0)
        let bias = biasCount.map { b.constInt32([$0], [Int32](repeating: 0, count: $0)) }
        let y = b.activation(output, scale: outScale, zeroPoint: 0)
        b.node(.conv2d(Conv2D(padding: padding, strideH: stride, strideW: stride, dilationH: dilation,
                                   dilationW: dilation, activation: .relu)), inputs: [x, w, bias], output: y)
        return b.build()
    }

    @Test func validConvolutionsPass() {
        #expect(Self.problem(Self.conv()) == nil)
        #expect(Self.problem(Self.conv(output: [1, 3, 3, 6], padding: .valid)) == nil)
        #expect(Self.problem(Self.conv(output: [1, 3, 3, 6], stride: 2)) == nil)
        #expect(Self.problem(Self.conv(biasCount: nil)) == nil)
        // Grouped: 4 input channels, filters of depth 2 -> 2 groups of 3 filters.
        #expect(Self.problem(Self.conv(filter: [6, 3, 3, 2])) == nil)
        let perChannel = QuantParams(scale: [Float](repeating: 0.01, count: 6), zeroPoint: [Int32](repeating: 0, count: 6), axis: 0)
        #expect(Self.problem(Self.conv(weightQ: perChannel)) == nil)
    }

    @Test func convolutionShapeProblems() {
        let cases: [(Graph, String)] = [
            (Self.conv(input: [1, 5, 5]), "needs rank 4"),
            (Self.conv(output: [1, 5, 5, 5]), "the options give [1, 5, 5, 6]"),
            (Self.conv(output: [1, 4, 4, 6], padding: .valid), "the options give [1, 3, 3, 6]"),
            (Self.conv(filter: [6, 3, 3, 3]), "not a multiple of the filter's 3"),
            (Self.conv(filter: [5, 3, 3, 2], output: [1, 5, 5, 5], biasCount: 5), "cannot be split into 2 groups"),
            (Self.conv(biasCount: 5), "bias has 5 elements for 6 output channels"),
            (Self.conv(input: [1, 2, 2, 4], output: [1, 0, 0, 6], padding: .valid), "does not fit"),
        ]
        for (graph, text) in cases {
            let p = Self.problem(graph)
            #expect(p?.kind == .malformed, "\(text)")
            #expect(p?.message.contains(text) == true, "\(p?.description ?? "no problem") should mention \(text)")
        }
    }

    @Test func convolutionOptionProblems() {
        #expect(Self.problem(Self.conv(stride: 0))?.message.contains("stride 0x0 is invalid") == true)
        #expect(Self.problem(Self.conv(dilation: 0))?.message.contains("dilation 0x0 is invalid") == true)
    }

    @Test func convolutionWeightProblems() {
        let nonConstant = Self.problem(Self.conv(constantFilter: false))
        #expect(nonConstant?.kind == .unsupported)
        #expect(nonConstant?.message == "filter must be a constant tensor")
        #expect(nonConstant?.location.tensor == TensorID(1))
        let zp = Self.problem(Self.conv(weightQ: .perTensor(scale: 0.01, zeroPoint: 3)))
        #expect(zp?.message.contains("non-zero zero point") == true)
        let wrongAxis = QuantParams(scale: [Float](repeating: 0.01, count: 4), zeroPoint: [Int32](repeating: 0, count: 4), axis: 3)
        #expect(Self.problem(Self.conv(weightQ: wrongAxis))?.message.contains("needs axis 0 with 6") == true)
    }

    @Test func unrepresentableRescaleIsAnErrorNotACrash() {
        // 0.05 * 0.01 / 1e-15 = 5e11 needs a left shift of 39.
        let p = Self.problem(Self.conv(outScale: 1e-15))
        #expect(p?.kind == .unsupported)
        #expect(p?.message.contains("too large for a fixed-point multiplier") == true)
    }

    static func depthwise(input: [Int] = [1, 4, 4, 2], filter: [Int] = [1, 3, 3, 4], output: [Int] = [1, 4, 4, 4],
                          multiplier: Int = 2, weightQ: QuantParams = .perTensor(scale: 0.01, zeroPoint: 0)) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.05, zeroPoint: 0)
        let w = b.constInt8(filter, [Int8](repeating: 1, count: filter.reduce(1, *)), quant: weightQ)
        let y = b.activation(output, scale: 0.1, zeroPoint: 0)
        b.node(.depthwiseConv2d(DepthwiseConv2D(padding: .same, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1,
                                                     depthMultiplier: multiplier, activation: .none)),
               inputs: [x, w, nil], output: y)
        return b.build()
    }

    @Test func depthwiseChecks() {
        #expect(Self.problem(Self.depthwise()) == nil)
        let perChannel = QuantParams(scale: [Float](repeating: 0.01, count: 4), zeroPoint: [Int32](repeating: 0, count: 4), axis: 3)
        #expect(Self.problem(Self.depthwise(weightQ: perChannel)) == nil)
        #expect(Self.problem(Self.depthwise(multiplier: 1))?.message.contains("depth_multiplier 1 does not match") == true)
        #expect(Self.problem(Self.depthwise(filter: [2, 3, 3, 4]))?.message.contains("needs [1, KH, KW, C]") == true)
        let axis0 = QuantParams(scale: [0.01, 0.01], zeroPoint: [0, 0], axis: 0)
        #expect(Self.problem(Self.depthwise(filter: [1, 3, 3, 4], weightQ: axis0))?.message.contains("needs axis 3") == true)
    }

    static func fullyConnected(input: [Int] = [2, 8], units: Int = 3, depth: Int = 8, output: [Int] = [2, 3],
                               weightQ: QuantParams = .perTensor(scale: 0.01, zeroPoint: 0),
                               biasScale: Float? = 0.0005) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.05, zeroPoint: 0)
        let w = b.constInt8([units, depth], [Int8](repeating: 1, count: units * depth), quant: weightQ)
        let bias = biasScale.map { b.constInt32([units], [Int32](repeating: 0, count: units), quant: .perTensor(scale: $0, zeroPoint: 0)) }
        let y = b.activation(output, scale: 0.1, zeroPoint: 0)
        b.node(.fullyConnected(FullyConnected(activation: .none, keepNumDims: false)), inputs: [x, w, bias], output: y)
        return b.build()
    }

    @Test func fullyConnectedChecks() {
        #expect(Self.problem(Self.fullyConnected()) == nil)
        #expect(Self.problem(Self.fullyConnected(input: [1, 2, 2, 4], output: [2, 3])) == nil)
        #expect(Self.problem(Self.fullyConnected(weightQ: .perTensor(scale: 0.01, zeroPoint: 5))) == nil)
        #expect(Self.problem(Self.fullyConnected(input: [1, 9]))?.message.contains("not a multiple of the filter depth 8") == true)
        #expect(Self.problem(Self.fullyConnected(output: [2, 4]))?.message.contains("expected 2 rows of 3 units") == true)
        // TFLM's GetQuantizedConvolutionMultipler: |0.0005 - 0.0015| / 0.1 = 0.01 passes, 0.0505 / 0.1 fails.
        #expect(Self.problem(Self.fullyConnected(biasScale: 0.0015)) == nil)
        let bias = Self.problem(Self.fullyConnected(biasScale: 0.051))
        #expect(bias?.kind == .unsupported)
        #expect(bias?.location.tensor == TensorID(2))
        let perChannelZp = QuantParams(scale: [0.01, 0.01, 0.01], zeroPoint: [0, 1, 0], axis: 0)
        #expect(Self.problem(Self.fullyConnected(weightQ: perChannelZp, biasScale: nil))?.message
                    .contains("non-zero zero point") == true)
    }

    static func binary(_ op: Op, _ a: [Int], _ b: [Int], out: [Int], scales: (Float, Float, Float) = (0.1, 0.2, 0.3),
                       constantSecond: QuantParams? = nil) -> Graph {
        var g = GraphBuilder()
        let x = g.input(a, scale: scales.0, zeroPoint: 0)
        let z = constantSecond.map { g.constInt8(b, [Int8](repeating: 1, count: b.reduce(1, *)), quant: $0) }
            ?? g.input(b, scale: scales.1, zeroPoint: 0)
        let y = g.activation(out, scale: scales.2, zeroPoint: 0)
        g.node(op, inputs: [x, z], output: y)
        return g.build()
    }

    static let add = Op.add(Add(activation: .none))
    static let sub = Op.sub(Sub(activation: .none))
    static let mul = Op.mul(Mul(activation: .none))

    @Test(arguments: [add, sub, mul])
    func broadcastingChecks(op: Op) {
        #expect(Self.problem(Self.binary(op, [2, 1, 3], [4, 1], out: [2, 4, 3])) == nil)
        #expect(Self.problem(Self.binary(op, [2, 3], [4, 3], out: [4, 3]))?.message.contains("do not broadcast") == true)
        #expect(Self.problem(Self.binary(op, [2, 3], [3], out: [3, 2]))?.message.contains("broadcast to [2, 3]") == true)
        #expect(Self.problem(Self.binary(op, [1, 1, 1, 1, 1, 1, 2], [2], out: [1, 1, 1, 1, 1, 1, 2]))?.kind == .unsupported)
        let perChannel = QuantParams(scale: [0.1, 0.2, 0.3], zeroPoint: [0, 0, 0], axis: 1)
        #expect(Self.problem(Self.binary(op, [2, 3], [1, 3], out: [2, 3], constantSecond: perChannel))?.message
                    .contains("per-channel") == true)
    }

    @Test(arguments: [add, sub])
    func addSubOutputRescaleMustBeBelowOne(op: Op) {
        // 2 * 0.5 / (2^20 * 1e-7) ≈ 9.5 >= 1: TFLM aborts in QuantizeMultiplierSmallerThanOneExp.
        let p = Self.problem(Self.binary(op, [4], [4], out: [4], scales: (0.5, 0.5, 1e-7)))
        #expect(p?.kind == .unsupported)
        #expect(p?.message.contains("outside (0, 1)") == true)
    }

    static func pool(average: Bool = true, output: [Int] = [1, 2, 2, 3], filter: Int = 2, stride: Int = 2,
                     outQ: QuantParams = .perTensor(scale: 0.1, zeroPoint: 1)) -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 4, 4, 3], scale: 0.1, zeroPoint: 1)
        let y = b.activation(output, scale: outQ.scale[0], zeroPoint: outQ.zeroPoint[0])
        let op: Op = average
            ? .averagePool2d(AveragePool2D(padding: .valid, strideH: stride, strideW: stride, filterH: filter, filterW: filter,
                                           activation: .none))
            : .maxPool2d(MaxPool2D(padding: .valid, strideH: stride, strideW: stride, filterH: filter, filterW: filter,
                                   activation: .none))
        b.node(op, inputs: [x], output: y)
        return b.build()
    }

    @Test func poolingChecks() {
        for average in [true, false] {
            #expect(Self.problem(Self.pool(average: average)) == nil)
            #expect(Self.problem(Self.pool(average: average, outQ: .perTensor(scale: 0.2, zeroPoint: 1)))?.message
                        .contains("quantization must be equal") == true)
            #expect(Self.problem(Self.pool(average: average, output: [1, 3, 3, 3]))?.kind == .malformed)
            #expect(Self.problem(Self.pool(average: average, filter: 0))?.message.contains("filter size 0x0") == true)
            #expect(Self.problem(Self.pool(average: average, stride: 0))?.message.contains("stride") == true)
        }
    }

    static func mean(input: [Int] = [1, 4, 4, 3], axes: [Int32] = [1, 2], output: [Int] = [1, 1, 1, 3],
                     constantAxes: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.1, zeroPoint: 1)
        let a = constantAxes ? b.constInt32([axes.count], axes) : b.add(Tensor(id: TensorID(0), name: "axes", type: .int32,
                                                                                shape: Shape([axes.count])))
        let y = b.activation(output, scale: 0.05, zeroPoint: -1)
        b.node(.mean(Mean(keepDims: true)), inputs: [x, a], output: y)
        return b.build()
    }

    @Test func meanChecks() {
        #expect(Self.problem(Self.mean()) == nil)
        #expect(Self.problem(Self.mean(axes: [-3, 2, 1])) == nil)
        #expect(Self.problem(Self.mean(axes: [1, 2, 3], output: [1, 1, 1, 1])) == nil)
        #expect(Self.problem(Self.mean(axes: [4]))?.message.contains("axis 4 is out of range for rank 4") == true)
        #expect(Self.problem(Self.mean(axes: [-5]))?.kind == .malformed)
        #expect(Self.problem(Self.mean(output: [1, 1, 1, 4]))?.message.contains("leaves 3 elements") == true)
        #expect(Self.problem(Self.mean(constantAxes: false))?.message == "axes must be a constant tensor")
        #expect(Self.problem(Self.mean(input: [1, 0, 4, 3], output: [1, 1, 1, 3]))?.message == "MEAN of an empty tensor")
    }

    static func pad(input: [Int] = [1, 2, 2, 1], paddings: [Int32] = [0, 0, 1, 1, 1, 1, 0, 0], paddingShape: [Int]? = nil,
                    output: [Int] = [1, 4, 4, 1], constant: QuantParams? = nil) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.1, zeroPoint: 1)
        let p = b.constInt32(paddingShape ?? [input.count, 2], paddings)
        let c = constant.map { b.constInt8([1], [5], quant: $0) }
        let y = b.activation(output, scale: 0.1, zeroPoint: 1)
        b.node(constant == nil ? .pad(Pad()) : .padV2(PadV2()), inputs: [x, p] + (c.map { [$0] } ?? []), output: y)
        return b.build()
    }

    @Test func padChecks() {
        #expect(Self.problem(Self.pad()) == nil)
        #expect(Self.problem(Self.pad(constant: .perTensor(scale: 0.1, zeroPoint: 1))) == nil)
        #expect(Self.problem(Self.pad(constant: .perTensor(scale: 0.1, zeroPoint: 2)))?.message
                    .contains("share the output's quantization") == true)
        #expect(Self.problem(Self.pad(paddings: [0, 0, -1, 1, 1, 1, 0, 0], output: [1, 2, 4, 1]))?.message
                    .contains("must not be negative") == true)
        #expect(Self.problem(Self.pad(paddings: [0, 0, 1, 1, 1, 1], paddingShape: [3, 2]))?.message
                    .contains("expected [4, 2]") == true)
        #expect(Self.problem(Self.pad(output: [1, 4, 3, 1]))?.message.contains("gives [1, 4, 4, 1]") == true)
        #expect(Self.problem(Self.pad(input: [1, 1, 1, 1, 1, 1], paddings: [Int32](repeating: 0, count: 12),
                                      output: [1, 1, 1, 1, 1, 1]))?.kind == .unsupported)
    }

    @Test func reshapeNeedsEqualElementCounts() {
        for op in [Op.reshape(Reshape(newShape: nil)), .squeeze(Squeeze(squeezeDims: []))] {
            var b = GraphBuilder()
            let x = b.input([1, 2, 3], scale: 0.1, zeroPoint: 0)
            let y = b.activation([7], scale: 0.1, zeroPoint: 0)
            b.node(op, inputs: [x], output: y)
            #expect(Self.problem(b.build())?.message.contains("different element counts") == true)
        }
    }

    static func concat(_ shapes: [[Int]], axis: Int, output: [Int], secondScale: Float = 0.1,
                       activation: FusedActivation = .none) -> Graph {
        var b = GraphBuilder()
        let inputs = shapes.enumerated().map { b.input($0.element, scale: $0.offset == 1 ? secondScale : 0.1, zeroPoint: 2) }
        let y = b.activation(output, scale: 0.1, zeroPoint: 2)
        b.node(.concatenation(Concatenation(axis: axis, activation: activation)), inputs: inputs, output: y)
        return b.build()
    }

    @Test func concatenationChecks() {
        #expect(Self.problem(Self.concat([[1, 2, 3], [1, 4, 3]], axis: 1, output: [1, 6, 3])) == nil)
        #expect(Self.problem(Self.concat([[1, 2, 3], [1, 2, 5]], axis: -1, output: [1, 2, 8])) == nil)
        #expect(Self.problem(Self.concat([[1, 2], [1, 2]], axis: 1, output: [1, 4], secondScale: 0.2))?.message
                    .contains("share one quantization") == true)
        #expect(Self.problem(Self.concat([[1, 2], [1, 2]], axis: 1, output: [1, 4], activation: .relu))?.kind == .unsupported)
        #expect(Self.problem(Self.concat([[1, 2], [1, 2]], axis: 2, output: [1, 4]))?.message.contains("axis 2 is out of range") == true)
        #expect(Self.problem(Self.concat([[1, 2], [2, 2]], axis: 1, output: [1, 4]))?.message.contains("outside axis 1") == true)
        #expect(Self.problem(Self.concat([[1, 2], [1, 2]], axis: 1, output: [1, 5]))?.message.contains("add up to 4") == true)
        #expect(Self.problem(Self.concat([[1, 2], [2]], axis: 0, output: [2, 2]))?.message.contains("has rank 2") == true)
        var omitted = Self.concat([[1, 2], [1, 2]], axis: 1, output: [1, 4])
        omitted.nodes[0].inputs[1] = nil
        #expect(Self.problem(omitted)?.message == "input 1 is missing")
    }
}
