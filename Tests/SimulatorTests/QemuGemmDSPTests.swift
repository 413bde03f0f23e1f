import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// The DSP GEMM (`mcuc_gemm_s8_dsp`: 1x1 CONV_2D and FULLY_CONNECTED) on the Cortex-M4 under
/// QEMU, bit-exact against the Swift reference on graphs `1x1 conv (RELU) -> FULLY_CONNECTED`
/// with random weights and biases: odd channel counts, depths not a multiple of 4, row tails
/// (1-3 rows per block), per-tensor and per-channel weights. A representative set runs in
/// `make test`; `make stress-kernels` (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuGemmDSPTests {
    struct Shape: Sendable, CustomStringConvertible {
        var pixels: Int, depth: Int, channels: Int, units: Int
        var perChannel: Bool
        var seed: UInt64
        /// The 1x1 conv's fused activation: NONE runs the whole-int8 instance (no clamp).
        var activation: FusedActivation = .relu
        var description: String {
            "px\(pixels) k\(depth) n\(channels) u\(units) \(perChannel ? "per-channel" : "per-tensor") \(activation)"
        }
    }

    static let representative: [Shape] = [
        Shape(pixels: 1, depth: 1, channels: 1, units: 1, perChannel: false, seed: 1),
        Shape(pixels: 2, depth: 3, channels: 5, units: 3, perChannel: true, seed: 2),
        Shape(pixels: 3, depth: 4, channels: 8, units: 2, perChannel: false, seed: 3),
        Shape(pixels: 7, depth: 17, channels: 33, units: 9, perChannel: true, seed: 4),
        Shape(pixels: 5, depth: 64, channels: 31, units: 10, perChannel: true, seed: 5),
        Shape(pixels: 4, depth: 33, channels: 2, units: 17, perChannel: false, seed: 6),
        Shape(pixels: 9, depth: 7, channels: 16, units: 1, perChannel: true, seed: 7),
        Shape(pixels: 2, depth: 250, channels: 12, units: 64, perChannel: false, seed: 8),
        Shape(pixels: 1, depth: 203, channels: 9, units: 5, perChannel: true, seed: 9),
        Shape(pixels: 1, depth: 640, channels: 128, units: 8, perChannel: false, seed: 10),
        // One row (mcuc_gemm1_s8_dsp): blocks of four channels, then 0-3 channels in pairs; odd,
        // even and no whole groups, tails of 1-3 values.
        Shape(pixels: 1, depth: 22, channels: 7, units: 6, perChannel: true, seed: 11),
        Shape(pixels: 1, depth: 8, channels: 4, units: 11, perChannel: false, seed: 12),
        Shape(pixels: 1, depth: 3, channels: 5, units: 4, perChannel: true, seed: 13),
    ]

    /// Small input depths (1-20, VWW's first 1x1 convs have 8 and 16), where the per-pair epilogue
    /// dominates: odd pixel counts, channel counts odd and not a multiple of 4, both
    /// quantizations, and every clamp activation (NONE runs the instance without the clamp).
    static let smallDepth: [Shape] = (1...20).map { k in
        let activations: [FusedActivation] = [.none, .relu, .relu6, .reluN1To1]
        return Shape(pixels: [3, 5, 7, 2, 9][k % 5], depth: k, channels: [7, 16, 5, 18, 3, 9][k % 6], units: 3 + k % 4,
                     perChannel: k % 2 == 0, seed: UInt64(40 + k), activation: activations[k % 4])
    }

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2026)
        return (0..<120).map { i in
            Shape(pixels: Int.random(in: 1...13, using: &random), depth: Int.random(in: 1...300, using: &random),
                  channels: Int.random(in: 1...70, using: &random), units: Int.random(in: 1...40, using: &random),
                  perChannel: Bool.random(using: &random), seed: UInt64(100 + i))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(arguments: smallDepth)
    func smallDepthShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape) }

    func check(_ shape: Shape) throws {
        let graph = Self.graph(shape)
        let planned = try Pipeline.plan(graph, options: QemuTesting.fastest)
        let symbols = planned.kernels.calls.compactMap { $0.binding?.function?.symbol }
        let gemm = shape.pixels == 1 ? "mcuc_gemm1_s8_dsp" : "mcuc_gemm_s8_dsp"
        #expect(symbols == [gemm, gemm], "\(shape): \(symbols)")
        let (report, build) = try QemuTesting.simulate(graph, path: "gemm-dsp-\(shape.seed)-\(shape).tflite", core: .m4, pipeline: QemuTesting.fastest)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M4")
    }

    /// `input [1, 1, pixels, depth] -> 1x1 conv (its activation) -> FULLY_CONNECTED -> [pixels, units]`.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let inScale: Float = 0.05
        let x = b.input([1, 1, s.pixels, s.depth], scale: inScale, zeroPoint: Int32.random(in: -128...127, using: &random))
        b.inputs = [x]
        let convScales = (0..<(s.perChannel ? s.channels : 1)).map { _ in Float.random(in: 0.002...0.02, using: &random) }
        let w = b.constInt8([s.channels, 1, 1, s.depth], weights(s.channels * s.depth, &random),
                            quant: QuantParams(scale: convScales, zeroPoint: Array(repeating: 0, count: convScales.count),
                                               axis: s.perChannel ? 0 : nil))
        let bias = b.constInt32([s.channels], (0..<s.channels).map { _ in Int32.random(in: -20000...20000, using: &random) },
                                quant: QuantParams(scale: convScales.map { $0 * inScale },
                                                   zeroPoint: Array(repeating: 0, count: convScales.count),
                                                   axis: s.perChannel ? 0 : nil))
        let convScale = inScale * 0.01 * Float(s.depth).squareRoot() * 40
        let y = b.activation([1, 1, s.pixels, s.channels], scale: convScale, zeroPoint: Int32.random(in: -100...100, using: &random))
        b.node(.conv2d(Conv2D(padding: .valid, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, activation: s.activation)),
               inputs: [x, w, bias], output: y)
        let fcScales = (0..<(s.perChannel ? s.units : 1)).map { _ in Float.random(in: 0.002...0.02, using: &random) }
        let fw = b.constInt8([s.units, s.channels], weights(s.units * s.channels, &random),
                             quant: QuantParams(scale: fcScales, zeroPoint: Array(repeating: 0, count: fcScales.count),
                                                axis: s.perChannel ? 0 : nil))
        let fb = b.constInt32([s.units], (0..<s.units).map { _ in Int32.random(in: -5000...5000, using: &random) },
                              quant: QuantParams(scale: fcScales.map { $0 * convScale },
                                                 zeroPoint: Array(repeating: 0, count: fcScales.count),
                                                 axis: s.perChannel ? 0 : nil))
        let z = b.activation([s.pixels, s.units], scale: convScale * 0.01 * Float(s.channels).squareRoot() * 40,
                             zeroPoint: Int32.random(in: -20...20, using: &random))
        b.node(.fullyConnected(FullyConnected(activation: .none, keepNumDims: false)), inputs: [y, fw, fb], output: z)
        b.outputs = [z]
        return b.build()
    }

    static func weights(_ count: Int, _ random: inout SeededRandom) -> [Int8] {
        (0..<count).map { _ in Int8.random(in: -127...127, using: &random) }
    }
}
