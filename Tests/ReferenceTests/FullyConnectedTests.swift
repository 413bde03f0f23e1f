import IR
import Testing
import TestSupport

/// FULLY_CONNECTED against hand-computed outputs.
@Suite struct FullyConnectedTests {
    typealias T = LinearOpTesting

    static func graph(input: [Int], inQ: QuantParams, units: Int, weights: [Int8], weightQ: QuantParams,
                      bias: [Int32]? = nil, output: [Int], outQ: QuantParams, keepNumDims: Bool = false,
                      activation: FusedActivation = .none) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: inQ.scale[0], zeroPoint: inQ.zeroPoint[0])
        let w = b.constInt8([units, weights.count / units], weights, quant: weightQ)
        let bi = bias.map { b.constInt32([$0.count], $0, quant: T.q(inQ.scale[0] * weightQ.scale[0], 0)) }
        let y = b.activation(output, scale: outQ.scale[0], zeroPoint: outQ.zeroPoint[0])
        b.node(.fullyConnected(FullyConnected(activation: activation, keepNumDims: keepNumDims)),
               inputs: [x, w, bi], output: y)
        return b.build()
    }

    @Test func perTensorWithBias() throws {
        // [1, 2, 3] · [[1, 0, -1], [2, 2, 2]] = [-2, 12], + bias [5, -5].
        let g = Self.graph(input: [1, 3], inQ: T.q(1, 0), units: 2, weights: [1, 0, -1, 2, 2, 2], weightQ: T.q(1, 0),
                           bias: [5, -5], output: [1, 2], outQ: T.q(1, 0))
        #expect(try T.run(g, [[1, 2, 3]]) == [3, 7])
    }

    @Test func perTensorWeightZeroPointIsApplied() throws {
        // Weight zero point 1: effective weights [[0, -1, -2], [1, 1, 1]]; input zero point -1.
        let g = Self.graph(input: [1, 3], inQ: T.q(1, -1), units: 2, weights: [1, 0, -1, 2, 2, 2], weightQ: T.q(1, 1),
                           output: [1, 2], outQ: T.q(1, 0))
        #expect(try T.run(g, [[0, 1, 2]]) == [-8, 6])
    }

    @Test func batchesFromLeadingDimensions() throws {
        // Input [2, 2, 3] read as 4 rows of depth 3; keep_num_dims keeps [2, 2, units].
        let g = Self.graph(input: [2, 2, 3], inQ: T.q(1, 0), units: 1, weights: [1, 1, 1], weightQ: T.q(1, 0),
                           output: [2, 2, 1], outQ: T.q(1, 0), keepNumDims: true)
        #expect(try T.run(g, [(1...12).map { Int8($0) }]) == [6, 15, 24, 33])
        let flat = Self.graph(input: [1, 2, 2, 3], inQ: T.q(1, 0), units: 1, weights: [1, 1, 1], weightQ: T.q(1, 0),
                              output: [4, 1], outQ: T.q(1, 0))
        #expect(try T.run(flat, [(1...12).map { Int8($0) }]) == [6, 15, 24, 33])
    }

    @Test func perChannelMultipliers() throws {
        // acc = [10, 10]; weight scales [1, 0.25] with output scale 1: [10, 2.5 -> 3].
        let g = Self.graph(input: [1, 2], inQ: T.q(1, 0), units: 2, weights: [1, 2, 1, 2],
                           weightQ: QuantParams(scale: [1, 0.25], zeroPoint: [0, 0], axis: 0),
                           output: [1, 2], outQ: T.q(1, 0))
        #expect(try T.run(g, [[4, 3]]) == [10, 3])
    }

    @Test func reluAndSaturation() throws {
        let g = Self.graph(input: [1, 2], inQ: T.q(1, 0), units: 2, weights: [-1, -1, 100, 100], weightQ: T.q(1, 0),
                           output: [1, 2], outQ: T.q(1, 0), activation: .relu)
        #expect(try T.run(g, [[5, 5]]) == [0, 127])
    }
}
