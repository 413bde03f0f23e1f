import IR
import Testing
import TestSupport

/// DEPTHWISE_CONV_2D against hand-computed outputs.
@Suite struct DepthwiseConv2DTests {
    typealias T = LinearOpTesting

    static func graph(input: [Int], inQ: QuantParams, filter: [Int], weights: [Int8], weightQ: QuantParams,
                      bias: [Int32]? = nil, output: [Int], outQ: QuantParams, multiplier: Int,
                      padding: Padding = .valid, stride: Int = 1, activation: FusedActivation = .none) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: inQ.scale[0], zeroPoint: inQ.zeroPoint[0])
        let w = b.constInt8(filter, weights, quant: weightQ)
        let bi = bias.map { b.constInt32([$0.count], $0) }
        let y = b.activation(output, scale: outQ.scale[0], zeroPoint: outQ.zeroPoint[0])
        let a = DepthwiseConv2D(padding: padding, strideH: stride, strideW: stride, dilationH: 1, dilationW: 1,
                                     depthMultiplier: multiplier, activation: activation)
        b.node(.depthwiseConv2d(a), inputs: [x, w, bi], output: y)
        return b.build()
    }

    @Test func outputChannelIsInputChannelTimesMultiplierPlusM() throws {
        // Channels [3, 5], multiplier 2: oc0 = 3*1, oc1 = 3*2, oc2 = 5*3, oc3 = 5*4.
        let g = Self.graph(input: [1, 1, 1, 2], inQ: T.q(1, 0), filter: [1, 1, 1, 4], weights: [1, 2, 3, 4],
                           weightQ: T.q(1, 0), output: [1, 1, 1, 4], outQ: T.q(1, 0), multiplier: 2)
        #expect(try T.run(g, [[3, 5]]) == [3, 6, 15, 20])
    }

    @Test func multiplierEightOnOneChannel() throws {
        // person_detect's first layer shape: 1 input channel, 8 outputs, bias per output channel.
        let g = Self.graph(input: [1, 1, 1, 1], inQ: T.q(1, 2), filter: [1, 1, 1, 8],
                           weights: [1, -1, 2, -2, 3, -3, 4, -4], weightQ: T.q(1, 0),
                           bias: [0, 0, 0, 0, 0, 0, 0, 100], output: [1, 1, 1, 8], outQ: T.q(1, 0), multiplier: 8)
        #expect(try T.run(g, [[7]]) == [5, -5, 10, -10, 15, -15, 20, 80])
    }

    @Test func samePaddingPerChannelAndZeroPoint() throws {
        // 2x2 input, 2 channels, 2x2 ones filter, SAME stride 1: the padding is after (right/down).
        // Channel 1 has weight scale 0.5 (multiplier 0.5): sums 10, 3, 4, 1 -> 5, 2 (1.5 rounds
        // away from zero), 2, 1 (0.5 -> 1).
        let g = Self.graph(input: [1, 2, 2, 2], inQ: T.q(1, -1), filter: [1, 2, 2, 2],
                           weights: [Int8](repeating: 1, count: 8),
                           weightQ: QuantParams(scale: [1, 0.5], zeroPoint: [0, 0], axis: 3),
                           output: [1, 2, 2, 2], outQ: T.q(1, 0), multiplier: 1, padding: .same)
        // x - zp: channel 0 = [1, 2, 3, 4], channel 1 = [4, 2, 3, 1] (raw minus 1 = x + 1).
        let input: [Int8] = [0, 3, 1, 1, 2, 2, 3, 0]
        #expect(try T.run(g, [input]) == [10, 5, 6, 2, 7, 2, 4, 1])
    }

    @Test func strideTwoValid() throws {
        let g = Self.graph(input: [1, 3, 3, 1], inQ: T.q(1, 0), filter: [1, 1, 1, 1], weights: [2],
                           weightQ: T.q(1, 0), output: [1, 2, 2, 1], outQ: T.q(1, 0), multiplier: 1, stride: 2)
        #expect(try T.run(g, [(1...9).map { Int8($0) }]) == [2, 6, 14, 18])
    }
}
