import IR
import Testing
import TestSupport

/// CONV_2D against hand-computed outputs (and, for the rounding cases, values TFLM produced).
@Suite struct Conv2DTests {
    typealias T = LinearOpTesting

    static func attrs(_ padding: Padding, stride: (Int, Int) = (1, 1), dilation: (Int, Int) = (1, 1),
                      _ activation: FusedActivation = .none) -> Conv2D {
        Conv2D(padding: padding, strideH: stride.0, strideW: stride.1, dilationH: dilation.0,
                    dilationW: dilation.1, activation: activation)
    }

    /// One CONV_2D node: `input` -> `output`, with filter values and optional bias.
    static func graph(input: [Int], inQ: QuantParams, filter: [Int], weights: [Int8], weightQ: QuantParams,
                      bias: [Int32]? = nil, output: [Int], outQ: QuantParams, _ a: Conv2D) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: inQ.scale[0], zeroPoint: inQ.zeroPoint[0])
        let w = b.constInt8(filter, weights, quant: weightQ)
        let bi = bias.map { b.constInt32([$0.count], $0) }
        let y = b.activation(output, scale: outQ.scale[0], zeroPoint: outQ.zeroPoint[0])
        b.node(.conv2d(a), inputs: [x, w, bi], output: y)
        return b.build()
    }

    @Test func pointwiseWithInputZeroPointAndBias() throws {
        // acc = Σ w * (x + 1) + 10, multiplier 1.0, output zero point 2.
        let g = Self.graph(input: [1, 2, 2, 2], inQ: T.q(1, -1), filter: [1, 1, 1, 2], weights: [1, 2],
                           weightQ: T.q(1, 0), bias: [10], output: [1, 2, 2, 1], outQ: T.q(1, 2), Self.attrs(.valid))
        #expect(try T.run(g, [[1, 2, 3, 4, 5, 6, 7, 8]]) == [20, 26, 32, 38])
    }

    @Test func samePaddingSkipsOutOfBoundsTaps() throws {
        // 3x3 ones over 1...9: every output is the sum of its in-bounds neighbourhood. With input
        // zero point 1 the padded taps still contribute nothing (they are skipped, not zp-filled).
        for zp: Int32 in [0, 1] {
            let g = Self.graph(input: [1, 3, 3, 1], inQ: T.q(1, zp), filter: [1, 3, 3, 1],
                               weights: [Int8](repeating: 1, count: 9), weightQ: T.q(1, 0),
                               output: [1, 3, 3, 1], outQ: T.q(1, 0), Self.attrs(.same))
            let input = (1...9).map { Int8($0) + Int8(zp) }
            #expect(try T.run(g, [input]) == [12, 21, 16, 27, 45, 33, 24, 39, 28])
        }
    }

    @Test func sameOddPaddingGoesAfter() throws {
        // Width 5, kernel 2, stride 2: three windows starting at 0, 2, 4; the extra pixel is on the right.
        let g = Self.graph(input: [1, 1, 5, 1], inQ: T.q(1, 0), filter: [1, 1, 2, 1], weights: [1, 1],
                           weightQ: T.q(1, 0), output: [1, 1, 3, 1], outQ: T.q(1, 0), Self.attrs(.same, stride: (1, 2)))
        #expect(try T.run(g, [[1, 2, 3, 4, 5]]) == [3, 7, 5])
    }

    @Test func validStrideAndDilation() throws {
        // 5x5 input 0...24, 2x2 ones dilated by 2 (effective 3x3), stride 2: taps 2 apart.
        let g = Self.graph(input: [1, 5, 5, 1], inQ: T.q(1, 0), filter: [1, 2, 2, 1], weights: [1, 1, 1, 1],
                           weightQ: T.q(1, 0), output: [1, 2, 2, 1], outQ: T.q(1, 0),
                           Self.attrs(.valid, stride: (2, 2), dilation: (2, 2)))
        #expect(try T.run(g, [(0..<25).map { Int8($0) }]) == [24, 32, 64, 72])
    }

    @Test func perChannelMultipliersUseDoubleRounding() throws {
        // acc = 5; channel 0: 5 * 0.25 = 1.25 -> SRDHM gives 3 (1.5 rounded), RDBPOT(3, 1) = 2;
        // channel 1: 5 * 0.125 -> 1. TFLM gives [2, 1]; single rounding would give [1, 1].
        let g = Self.graph(input: [1, 1, 1, 1], inQ: T.q(0.5, 0), filter: [2, 1, 1, 1], weights: [5, 5],
                           weightQ: QuantParams(scale: [0.5, 0.25], zeroPoint: [0, 0], axis: 0),
                           output: [1, 1, 1, 2], outQ: T.q(1, 0), Self.attrs(.valid))
        #expect(try T.run(g, [[1]]) == [2, 1])
    }

    @Test func fusedActivationClamps() throws {
        // Output scale 0.5, zero point -10: RELU clamps at -10, RELU6 at -10 + 12 = 2.
        for (activation, expected) in [(FusedActivation.none, [Int8]([-30, 50])), (.relu, [-10, 50]), (.relu6, [-10, 2])] {
            let g = Self.graph(input: [1, 1, 1, 1], inQ: T.q(0.5, 0), filter: [2, 1, 1, 1], weights: [-1, 3],
                               weightQ: T.q(1, 0), output: [1, 1, 1, 2], outQ: T.q(0.5, -10),
                               Self.attrs(.valid, activation))
            #expect(try T.run(g, [[20]]) == expected)
        }
    }

    @Test func groupedConvolutionReadsItsGroupsChannels() throws {
        // 4 input channels, filters of depth 2: two groups; filter 0 reads channels 0-1, filter 1 reads 2-3.
        let g = Self.graph(input: [1, 1, 1, 4], inQ: T.q(1, 0), filter: [2, 1, 1, 2], weights: [1, 1, 1, -1],
                           weightQ: T.q(1, 0), output: [1, 1, 1, 2], outQ: T.q(1, 0), Self.attrs(.valid))
        #expect(try T.run(g, [[1, 2, 3, 5]]) == [3, -2])
    }

    @Test func batchesAreIndependent() throws {
        let g = Self.graph(input: [2, 1, 2, 1], inQ: T.q(1, 0), filter: [1, 1, 2, 1], weights: [1, 2],
                           weightQ: T.q(1, 0), output: [2, 1, 1, 1], outQ: T.q(1, 0), Self.attrs(.valid))
        #expect(try T.run(g, [[1, 2, 10, 20]]) == [5, 50])
    }
}
