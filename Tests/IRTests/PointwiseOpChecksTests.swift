import IR
import Testing
import TestSupport

/// `PointwiseOpChecks` through `SupportCheck`: what TFLM's Prepare rejects (or computes with
/// undefined behaviour) is a clean, located error; valid nodes pass.
@Suite struct PointwiseOpChecksTests {
    /// `op(x[, int32 constants]) -> y` with int8 (or float32 when quantization is nil) tensors.
    static func graph(_ op: Op, input: [Int], _ inQ: (Float, Int32)?, output: [Int], _ outQ: (Float, Int32)?,
                      constants: [[Int32]] = [], constantOperands: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x: TensorID
        if let inQ {
            x = b.input(input, scale: inQ.0, zeroPoint: inQ.1, name: "x")
        } else {
            x = b.float32(input, name: "x")
            b.inputs.append(x)
        }
        let operands = constants.enumerated().map { i, values in
            constantOperands ? b.constInt32([values.count], values, name: "c\(i)")
                : b.add(Tensor(id: TensorID(0), name: "c\(i)", type: .int32, shape: Shape([values.count])))
        }
        let y = outQ.map { b.activation(output, scale: $0.0, zeroPoint: $0.1, name: "y") } ?? b.float32(output, name: "y")
        b.node(op, inputs: [x] + operands, output: y)
        return b.build()
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    static func unary(_ op: Op, _ inQ: (Float, Int32), _ outQ: (Float, Int32), shape: [Int] = [1, 8],
                      outShape: [Int]? = nil) -> CompileError? {
        problem(graph(op, input: shape, inQ, output: outShape ?? shape, outQ))
    }

    static let softmax = Op.softmax(Softmax(beta: 1))
    static let probability: (Float, Int32) = (1.0 / 256.0, -128)

    // MARK: SOFTMAX

    @Test func softmaxAcceptsTheTFLMGrid() {
        #expect(Self.unary(Self.softmax, (0.1, 3), Self.probability) == nil)
    }

    @Test func softmaxRequiresScale1Over256AndZeroPointMinus128() {
        let scale = Self.unary(Self.softmax, (0.1, 3), (1.0 / 255.0, -128))
        #expect(scale?.kind == .unsupported && scale?.location.tensor == TensorID(1))
        #expect(scale?.message.contains("1/256") == true)
        #expect(Self.unary(Self.softmax, (0.1, 3), (1.0 / 256.0, 0))?.kind == .unsupported)
    }

    /// SOURCES.md "Generated model check": input scale 7.8e-9 makes TFLM abort in Prepare.
    @Test func softmaxTinyInputScaleIsACleanError() {
        let e = Self.unary(Self.softmax, (7.8e-9, 0), Self.probability)
        #expect(e?.kind == .unsupported)
        #expect(e?.message.contains("QuantizeMultiplierGreaterThanOne") == true)
        #expect(e?.location.tensor == TensorID(0))
        #expect(Self.unary(.softmax(Softmax(beta: 0)), (0.1, 0), Self.probability) != nil)
        #expect(Self.unary(.softmax(Softmax(beta: -1)), (0.1, 0), Self.probability) != nil)
        #expect(Self.unary(.softmax(Softmax(beta: .nan)), (0.1, 0), Self.probability) != nil)
    }

    @Test func softmaxKeepsTheShape() {
        #expect(Self.unary(Self.softmax, (0.1, 3), Self.probability, outShape: [8])?.kind == .malformed)
    }

    // MARK: LOGISTIC, TANH, HARD_SWISH

    /// TFLM checks only the zero point and silently assumes scale 1/256; mcuc requires both.
    @Test func logisticOutputGrid() {
        #expect(Self.unary(.logistic(Logistic()), (0.1, 0), Self.probability) == nil)
        #expect(Self.unary(.logistic(Logistic()), (0.1, 0), (0.01, -128))?.kind == .unsupported)
        #expect(Self.unary(.logistic(Logistic()), (0.1, 0), (1.0 / 256.0, 0))?.kind == .unsupported)
    }

    @Test func sigmoidInputScaleRange() {
        #expect(Self.unary(.logistic(Logistic()), (1e-9, 0), Self.probability)?.message.contains("input scale") == true)
        #expect(Self.unary(.tanh(Tanh()), (1e11, 0), (1.0 / 128.0, 0))?.kind == .unsupported)
        #expect(Self.unary(.tanh(Tanh()), (100, 0), (1.0 / 128.0, 0)) == nil)
    }

    @Test func tanhOutputGrid() {
        #expect(Self.unary(.tanh(Tanh()), (0.05, 0), (1.0 / 128.0, 0)) == nil)
        #expect(Self.unary(.tanh(Tanh()), (0.05, 0), (1.0 / 128.0, 5))?.kind == .unsupported)
        #expect(Self.unary(.tanh(Tanh()), (0.05, 0), (1.0 / 256.0, 0))?.kind == .unsupported)
    }

    /// TFLM's HardSwishPrepare requires output_multiplier_exponent <= 0.
    @Test func hardSwishOutputMultiplierMustBeBelowOne() {
        #expect(Self.unary(.hardSwish(HardSwish()), (0.05, 0), (0.03, -100)) == nil)
        let e = Self.unary(.hardSwish(HardSwish()), (1, 0), (0.001, 0))
        #expect(e?.kind == .unsupported && e?.location.tensor == TensorID(1))
    }

    // MARK: RELU, RELU6, LEAKY_RELU, QUANTIZE, DEQUANTIZE

    @Test func reluRescaleMustNotOverflow() {
        #expect(Self.unary(.relu(Relu()), (0.05, 10), (0.03, -128)) == nil)
        #expect(Self.unary(.relu(Relu()), (1, 0), (0x1p-22, 0)) == nil)   // 2^22: left shift 23
        #expect(Self.unary(.relu(Relu()), (1, 0), (0x1p-23, 0))?.kind == .unsupported)   // 2^23: shift 24
    }

    @Test func relu6BoundMustFitInt32() {
        #expect(Self.unary(.relu6(Relu6()), (0.1, 0), (6.0 / 255.0, -128)) == nil)
        #expect(Self.unary(.relu6(Relu6()), (1e-10, 0), (1e-10, 0))?.kind == .unsupported)
    }

    @Test func leakyReluAlphaAndRescales() {
        #expect(Self.unary(.leakyRelu(LeakyRelu(alpha: -2)), (0.05, 0), (0.04, 3)) == nil)
        #expect(Self.unary(.leakyRelu(LeakyRelu(alpha: .infinity)), (0.05, 0), (0.04, 3))?.kind == .unsupported)
        #expect(Self.unary(.leakyRelu(LeakyRelu(alpha: 1e8)), (0.05, 0), (0.05, 3))?.message.contains("alpha") == true)
    }

    @Test func quantizeFromFloatAndInt8() {
        #expect(Self.problem(Self.graph(.quantize(Quantize()), input: [1, 4], nil, output: [1, 4], (0.5, 3))) == nil)
        #expect(Self.unary(.quantize(Quantize()), (0.02, 5), (0.05, -10)) == nil)
        #expect(Self.unary(.quantize(Quantize()), (1e3, 5), (1e-5, -10))?.kind == .unsupported)
        #expect(Self.problem(Self.graph(.quantize(Quantize()), input: [1, 4], nil, output: [4, 1], (0.5, 3)))?.kind == .malformed)
    }

    @Test func dequantizeKeepsTheShape() {
        #expect(Self.problem(Self.graph(.dequantize(Dequantize()), input: [2, 3], (0.1, 0), output: [2, 3], nil)) == nil)
        #expect(Self.problem(Self.graph(.dequantize(Dequantize()), input: [2, 3], (0.1, 0), output: [6], nil))?.kind == .malformed)
    }
}
