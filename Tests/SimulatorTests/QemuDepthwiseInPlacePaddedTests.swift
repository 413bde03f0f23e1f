import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// `mcuc_depthwise_inplace3x3_s8_dsp` and `mcuc_depthwise_inplace_kxk_s8_dsp` (the in-place
/// DEPTHWISE_CONV_2D through padded channel planes, four channels per copy on small planes) on the
/// Cortex-M4 under QEMU, bit-exact against the Swift reference (shapes where pixel order is exact
/// in place run `mcuc_depthwise_s8_dsp` with no scratch instead): planes 1x1 to 12x12 (odd,
/// non-square), 3x3, 5x5, 7x7 and odd windows (1x1, 2x4, 1x9), channel counts that are not a multiple of the block,
/// strides 1 and 2 (mixed too), SAME and VALID, per-tensor and per-channel, input zero points at
/// both ends. A representative set runs in `make test`; `make stress-kernels`
/// (`MCUC_STRESS=1`) runs a seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuDepthwiseInPlacePaddedTests {
    struct Shape: Sendable, CustomStringConvertible {
        var h: Int, w: Int, channels: Int
        var kh = 3, kw = 3
        var strideH: Int, strideW: Int
        var same: Bool, perChannel: Bool
        var seed: UInt64
        var zeroPoint: Int32? = nil
        var description: String {
            "\(h)x\(w)x\(channels) k\(kh)x\(kw) s\(strideH)x\(strideW) \(same ? "same" : "valid") "
                + (perChannel ? "per-channel" : "per-tensor") + (zeroPoint.map { " zp \($0)" } ?? "")
        }
    }

    static let representative: [Shape] = [
        Shape(h: 6, w: 6, channels: 32, strideH: 1, strideW: 1, same: true, perChannel: true, seed: 1),
        Shape(h: 3, w: 3, channels: 37, strideH: 1, strideW: 1, same: true, perChannel: false, seed: 2, zeroPoint: -128),
        Shape(h: 7, w: 5, channels: 66, strideH: 2, strideW: 2, same: true, perChannel: true, seed: 3, zeroPoint: 127),
        Shape(h: 9, w: 9, channels: 13, strideH: 1, strideW: 1, same: false, perChannel: true, seed: 4),
        Shape(h: 12, w: 11, channels: 45, strideH: 2, strideW: 1, same: true, perChannel: false, seed: 5),
        Shape(h: 4, w: 8, channels: 30, strideH: 1, strideW: 2, same: false, perChannel: true, seed: 6),
        Shape(h: 7, w: 7, channels: 40, kh: 5, kw: 5, strideH: 1, strideW: 1, same: true, perChannel: true, seed: 7),
        Shape(h: 10, w: 9, channels: 27, kh: 7, kw: 7, strideH: 2, strideW: 2, same: true, perChannel: false, seed: 8,
              zeroPoint: -128),
        Shape(h: 6, w: 11, channels: 34, kh: 2, kw: 4, strideH: 1, strideW: 1, same: false, perChannel: true, seed: 9),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 3033)
        return (0..<80).map { i in
            let k = [(3, 3), (3, 3), (5, 5), (7, 7), (1, 1), (1, 9), (4, 2)].randomElement(using: &random)!
            let stride = Int.random(in: 1...2, using: &random)
            let mixed = Int.random(in: 0..<4, using: &random) == 0
            let same = Bool.random(using: &random)
            return Shape(h: Int.random(in: (same ? 1 : k.0)...12, using: &random),
                         w: Int.random(in: (same ? 1 : k.1)...12, using: &random),
                         channels: Int.random(in: 1...48, using: &random), kh: k.0, kw: k.1, strideH: stride,
                         strideW: mixed ? 3 - stride : stride, same: same, perChannel: Bool.random(using: &random),
                         seed: UInt64(500 + i))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape, mustRunInPlace: true) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape, mustRunInPlace: false) }

    func check(_ shape: Shape, mustRunInPlace: Bool) throws {
        let graph = Self.graph(shape)
        let planned = try Pipeline.plan(graph, options: QemuTesting.fastest)
        let calls = planned.kernels.calls.filter { $0.binding?.function?.family == .depthwise }
        let inPlace = calls.contains { if case .inPlace = $0.contract { true } else { false } }
        if inPlace {
            let padded = shape.kh == 3 && shape.kw == 3 ? KernelVariants.depthwiseInPlace3x3DSP : KernelVariants.depthwiseInPlaceKxKDSP
            // Where pixel order is exact in place, the channel-block kernel runs with no scratch.
            let pixelOrder = QemuDepthwiseDSPTests.pixelOrderExact(
                h: shape.h, w: shape.w, kh: shape.kh, kw: shape.kw, strideH: shape.strideH, strideW: shape.strideW,
                dilation: 1, same: shape.same)
            #expect(calls.map { $0.binding?.function } == [pixelOrder ? KernelVariants.depthwiseDSP : padded], "\(shape)")
        }
        if mustRunInPlace { #expect(inPlace, "\(shape): the planner should run it in place") }
        let (report, build) = try QemuTesting.simulate(graph, path: "dw3x3-\(shape.seed)-\(shape).tflite", core: .m4,
                                                       pipeline: QemuTesting.fastest)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M4")
    }

    /// `input [1, h, w, channels] -> DEPTHWISE_CONV_2D kh x kw (RELU6)`, the input read by nobody else.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let inScale: Float = 0.05
        let x = b.input([1, s.h, s.w, s.channels], scale: inScale,
                        zeroPoint: s.zeroPoint ?? Int32.random(in: -128...127, using: &random))
        b.inputs = [x]
        let scales = (0..<(s.perChannel ? s.channels : 1)).map { _ in Float.random(in: 0.002...0.02, using: &random) }
        let w = b.constInt8([1, s.kh, s.kw, s.channels],
                            (0..<(s.kh * s.kw * s.channels)).map { _ in Int8.random(in: -127...127, using: &random) },
                            quant: QuantParams(scale: scales, zeroPoint: Array(repeating: 0, count: scales.count),
                                               axis: s.perChannel ? 3 : nil))
        let bias = b.constInt32([s.channels], (0..<s.channels).map { _ in Int32.random(in: -3000...3000, using: &random) },
                                quant: QuantParams(scale: scales.map { $0 * inScale },
                                                   zeroPoint: Array(repeating: 0, count: scales.count),
                                                   axis: s.perChannel ? 0 : nil))
        let padding: Padding = s.same ? .same : .valid
        let outH = GraphBuilder.outSize(s.h, filter: s.kh, stride: s.strideH, padding: padding)
        let outW = GraphBuilder.outSize(s.w, filter: s.kw, stride: s.strideW, padding: padding)
        let y = b.activation([1, outH, outW, s.channels], scale: inScale * 0.1 * Float(s.kh * s.kw),
                             zeroPoint: Int32.random(in: -100...100, using: &random))
        b.node(.depthwiseConv2d(DepthwiseConv2D(padding: padding, strideH: s.strideH, strideW: s.strideW,
                                                dilationH: 1, dilationW: 1, depthMultiplier: 1, activation: .relu6)),
               inputs: [x, w, bias], output: y)
        b.outputs = [y]
        return b.build()
    }
}
