import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// `mcuc_depthwise_s8_dsp` (DEPTHWISE_CONV_2D, multiplier 1, four channels at a time) on the
/// Cortex-M4 under QEMU, bit-exact against the Swift reference with random weights and biases:
/// channel counts not a multiple of 4, 1x1 to 7x7 windows, strides 1-3, dilation, SAME padding
/// (input offset kept) and VALID (zero point folded), per-tensor and per-channel; when the input
/// dies there, in place: `mcuc_depthwise_s8_dsp` itself in pixel order (no scratch) where no output
/// reads an input pixel below its own (VALID, SAME at stride 2 padded below; columns such as
/// SWW's 28x1 with 5x1 windows), else `mcuc_depthwise_inplace_s8_dsp` with dilation, else the
/// padded-plane `mcuc_depthwise_inplace3x3_s8_dsp` / `..._kxk_s8_dsp`. A representative
/// set runs in `make test`; `make stress-kernels` (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuDepthwiseDSPTests {
    struct Shape: Sendable, CustomStringConvertible {
        var size: Int, channels: Int, kernel: Int, stride: Int, dilation: Int
        var same: Bool, perChannel: Bool
        var seed: UInt64
        /// The input dies at the depthwise (no second reader): the planner runs it in place.
        var inPlace = false
        var multiplier = 1
        /// The input's width and the window's (`size` and `kernel` when nil: square).
        var width: Int? = nil
        var kernelW: Int? = nil
        var w: Int { width ?? size }
        var kw: Int { kernelW ?? kernel }
        var description: String {
            "\(size)x\(w)x\(channels) k\(kernel)x\(kw) s\(stride) d\(dilation) \(same ? "same" : "valid") "
                + (perChannel ? "per-channel" : "per-tensor") + (inPlace ? " in place" : "")
                + (multiplier > 1 ? " x\(multiplier)" : "")
        }

        /// The kernel the planner should choose: one input channel with a multiplier runs as a
        /// CONV_2D (`DepthwiseAsConv`), through im2col or, where estimated faster, in place
        /// (`ConvDSPCost`): either DSP convolution is accepted there.
        func expectedSymbol(inPlace: Bool) -> String {
            if inPlace {
                if pixelOrderExact { return "mcuc_depthwise_s8_dsp" }
                if dilation > 1 { return "mcuc_depthwise_inplace_s8_dsp" }
                return kernel == 3 ? "mcuc_depthwise_inplace3x3_s8_dsp" : "mcuc_depthwise_inplace_kxk_s8_dsp"
            }
            if multiplier > 1 { return channels == 1 ? "mcuc_conv2d_s8_dsp" : "mcuc_depthwise_s8" }
            return "mcuc_depthwise_s8_dsp"
        }

        /// The output's height and width.
        var outH: Int { GraphBuilder.outSize(size, filter: kernel, stride: stride, dilation: dilation, padding: padding) }
        var outW: Int { GraphBuilder.outSize(w, filter: kw, stride: stride, dilation: dilation, padding: padding) }
        var padding: Padding { same ? .same : .valid }

        /// True when, walking outputs in order, no output reads (any tap inside the input) an input
        /// pixel whose index is below its own: the channel-block kernel then runs in place, no scratch.
        var pixelOrderExact: Bool {
            multiplier == 1 && QemuDepthwiseDSPTests.pixelOrderExact(
                h: size, w: w, kh: kernel, kw: kw, strideH: stride, strideW: stride, dilation: dilation, same: same)
        }
    }

    /// True when, walking the outputs of an `h` x `w` input in order, no output reads (any tap
    /// inside the input) an input pixel whose index is below its own.
    static func pixelOrderExact(h: Int, w: Int, kh: Int, kw: Int, strideH: Int, strideW: Int, dilation: Int,
                                same: Bool) -> Bool {
        let padding: Padding = same ? .same : .valid
        let outH = GraphBuilder.outSize(h, filter: kh, stride: strideH, dilation: dilation, padding: padding)
        let outW = GraphBuilder.outSize(w, filter: kw, stride: strideW, dilation: dilation, padding: padding)
        func before(_ n: Int, _ k: Int, _ out: Int, _ stride: Int) -> Int {
            same ? max((out - 1) * stride + (k - 1) * dilation + 1 - n, 0) / 2 : 0
        }
        let top = before(h, kh, outH, strideH), left = before(w, kw, outW, strideW)
        for oy in 0..<outH {
            for ox in 0..<outW {
                for ky in 0..<kh {
                    for kx in 0..<kw {
                        let y = oy * strideH - top + ky * dilation, x = ox * strideW - left + kx * dilation
                        if y >= 0, y < h, x >= 0, x < w, y * w + x < oy * outW + ox { return false }
                    }
                }
            }
        }
        return true
    }

    static let representative: [Shape] = [
        Shape(size: 5, channels: 1, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: false, seed: 1),
        Shape(size: 6, channels: 7, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 2),
        Shape(size: 7, channels: 8, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: true, seed: 3),
        Shape(size: 9, channels: 13, kernel: 5, stride: 1, dilation: 1, same: true, perChannel: true, seed: 4),
        Shape(size: 8, channels: 6, kernel: 3, stride: 1, dilation: 2, same: true, perChannel: false, seed: 5),
        Shape(size: 11, channels: 4, kernel: 7, stride: 3, dilation: 1, same: true, perChannel: true, seed: 6),
        Shape(size: 4, channels: 18, kernel: 1, stride: 1, dilation: 1, same: false, perChannel: false, seed: 7),
        Shape(size: 5, channels: 13, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 8, inPlace: true),
        Shape(size: 6, channels: 24, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: false, seed: 9, inPlace: true),
        Shape(size: 7, channels: 40, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: true, seed: 10, inPlace: true),
        Shape(size: 8, channels: 33, kernel: 5, stride: 1, dilation: 2, same: true, perChannel: true, seed: 11, inPlace: true),
        Shape(size: 3, channels: 20, kernel: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 12, inPlace: true),
        Shape(size: 9, channels: 1, kernel: 5, stride: 2, dilation: 1, same: true, perChannel: true, seed: 13, multiplier: 8),
        Shape(size: 7, channels: 1, kernel: 3, stride: 1, dilation: 2, same: false, perChannel: false, seed: 14, multiplier: 3),
        Shape(size: 6, channels: 3, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 15, multiplier: 2),
        // In place in pixel order: SWW's columns (28x1, 30x1; 5x1 and 3x1 windows, channels with
        // and without a tail), a 1xk row, dilation, SAME at stride 2 on even and odd sizes (one row
        // above), 7x7 VALID. A 15x1 window to one output (streams: in place would not pay here).
        Shape(size: 28, channels: 128, kernel: 5, stride: 1, dilation: 1, same: false, perChannel: true, seed: 16,
              inPlace: true, width: 1, kernelW: 1),
        Shape(size: 30, channels: 42, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: false, seed: 17,
              inPlace: true, width: 1, kernelW: 1),
        Shape(size: 15, channels: 13, kernel: 15, stride: 1, dilation: 1, same: false, perChannel: true, seed: 18,
              width: 1, kernelW: 1),
        Shape(size: 1, channels: 9, kernel: 1, stride: 2, dilation: 1, same: false, perChannel: true, seed: 19,
              inPlace: true, width: 20, kernelW: 4),
        Shape(size: 10, channels: 41, kernel: 3, stride: 1, dilation: 2, same: false, perChannel: false, seed: 20,
              inPlace: true),
        Shape(size: 12, channels: 33, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 41,
              inPlace: true),
        Shape(size: 11, channels: 48, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: false, seed: 42,
              inPlace: true),
        Shape(size: 11, channels: 29, kernel: 7, stride: 1, dilation: 1, same: false, perChannel: true, seed: 43,
              inPlace: true),
        // Not in place (a second reader), columns with SAME padding and stride 2.
        Shape(size: 13, channels: 22, kernel: 5, stride: 2, dilation: 1, same: true, perChannel: true, seed: 44,
              width: 1, kernelW: 1),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2027)
        return (0..<100).map { i in
            let kernel = [1, 2, 3, 3, 5, 7].randomElement(using: &random)!
            return Shape(size: Int.random(in: kernel...14, using: &random), channels: Int.random(in: 1...40, using: &random),
                         kernel: kernel, stride: Int.random(in: 1...3, using: &random),
                         dilation: Int.random(in: 1...2, using: &random), same: Bool.random(using: &random),
                         perChannel: Bool.random(using: &random), seed: UInt64(300 + i),
                         inPlace: Bool.random(using: &random), multiplier: [1, 1, 2, 5].randomElement(using: &random)!)
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape) }

    func check(_ shape: Shape) throws {
        let graph = Self.graph(shape)
        let planned = try Pipeline.plan(graph, options: QemuTesting.fastest)
        let calls = planned.kernels.calls.filter { call in
            ["depthwise", "conv2d"].contains { call.binding?.function?.symbol.contains($0) ?? false }
        }
        let symbols = calls.compactMap { $0.binding?.function?.symbol }
        let inPlace = calls.contains { if case .inPlace = $0.contract { true } else { false } }
        let expected = shape.expectedSymbol(inPlace: inPlace)
        let asConv = expected == KernelVariants.convDSP.symbol && symbols == [KernelVariants.convDirectDSP.symbol]
        #expect(symbols == [expected] || asConv, "\(shape): \(symbols)")
        if inPlace, shape.pixelOrderExact {
            #expect(calls.first?.scratchBytes == 0, "\(shape): in place in pixel order needs no scratch")
        }
        if shape.inPlace && Self.representative.contains(where: { $0.seed == shape.seed }) {
            #expect(inPlace, "\(shape): the planner should run it in place")
        }
        let (report, build) = try QemuTesting.simulate(graph, path: "dw-dsp-\(shape.seed)-\(shape).tflite", core: .m4, pipeline: QemuTesting.fastest)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M4")
    }

    /// `input [1, size, size, channels] -> DEPTHWISE_CONV_2D (RELU6, channels * multiplier out)`, and a
    /// RELU of the input unless it runs in place.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let inScale: Float = 0.05
        let x = b.input([1, s.size, s.w, s.channels], scale: inScale, zeroPoint: Int32.random(in: -128...127, using: &random))
        b.inputs = [x]
        let outC = s.channels * s.multiplier
        let scales = (0..<(s.perChannel ? outC : 1)).map { _ in Float.random(in: 0.002...0.02, using: &random) }
        let axis: Int? = s.perChannel ? 3 : nil
        let w = b.constInt8([1, s.kernel, s.kw, outC],
                            (0..<(s.kernel * s.kw * outC)).map { _ in Int8.random(in: -127...127, using: &random) },
                            quant: QuantParams(scale: scales, zeroPoint: Array(repeating: 0, count: scales.count), axis: axis))
        let bias = b.constInt32([outC], (0..<outC).map { _ in Int32.random(in: -3000...3000, using: &random) },
                                quant: QuantParams(scale: scales.map { $0 * inScale },
                                                   zeroPoint: Array(repeating: 0, count: scales.count), axis: s.perChannel ? 0 : nil))
        let padding = s.padding
        let y = b.activation([1, s.outH, s.outW, outC], scale: inScale * 0.01 * Float(s.kernel) * 30,
                             zeroPoint: Int32.random(in: -100...100, using: &random))
        b.node(.depthwiseConv2d(DepthwiseConv2D(padding: padding, strideH: s.stride, strideW: s.stride,
                                                dilationH: s.dilation, dilationW: s.dilation, depthMultiplier: s.multiplier,
                                                activation: .relu6)),
               inputs: [x, w, bias], output: y)
        if s.inPlace {
            b.outputs = [y]
            return b.build()
        }
        // A second reader of the input keeps it alive past the depthwise: no in-place variant.
        let r = b.activation([1, s.size, s.w, s.channels], scale: inScale, zeroPoint: -128)
        b.node(.relu(Relu()), inputs: [x], output: r)
        b.outputs = [y, r]
        return b.build()
    }
}
