import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// The Helium depthwise kernels (`mcuc_depthwise_s8_mve`, four channels per vector, also in place
/// in pixel order where no output reads an input pixel below its own, and
/// `mcuc_depthwise_inplace_s8_mve`, four output pixels per vector from a padded channel plane) on
/// the Cortex-M55 under QEMU, bit-exact against the Swift reference on the DSP tests' graphs:
/// channel counts not a multiple of 4, 1x1 to 7x7 windows, strides 1-3, dilation, SAME padding
/// (input offset kept) and VALID (zero point folded), per-tensor and per-channel, rows narrower
/// than a vector, and rows wide enough for the interior path (eight or more pixels whose windows
/// lie inside the input, one channel at a time, four pixels per vector) and the shapes around its
/// selection (seven interior pixels, no interior row). `make stress-kernels`
/// (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuDepthwiseMVETests {
    typealias Shape = QemuDepthwiseDSPTests.Shape

    static let representative: [Shape] = QemuDepthwiseDSPTests.representative + [
        Shape(size: 2, channels: 5, kernel: 1, stride: 1, dilation: 1, same: false, perChannel: true, seed: 21, inPlace: true),
        Shape(size: 9, channels: 3, kernel: 3, stride: 3, dilation: 1, same: true, perChannel: false, seed: 22),
        Shape(size: 10, channels: 6, kernel: 2, stride: 2, dilation: 1, same: true, perChannel: true, seed: 23),
        // In place, but the padded plane (7x7) would make it cost more than row streaming: the DSP
        // in-place kernel and its one-channel scratch run.
        Shape(size: 5, channels: 9, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 24, inPlace: true),
        // In place in pixel order (no scratch): VALID with odd channels and a tail, dilation, 7x7,
        // SAME at stride 2 (padding below only, and one row above on an odd size).
        Shape(size: 9, channels: 19, kernel: 5, stride: 1, dilation: 1, same: false, perChannel: true, seed: 25, inPlace: true),
        Shape(size: 10, channels: 41, kernel: 3, stride: 1, dilation: 2, same: false, perChannel: false, seed: 26, inPlace: true),
        Shape(size: 12, channels: 33, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 27, inPlace: true),
        Shape(size: 11, channels: 48, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: false, seed: 28, inPlace: true),
        Shape(size: 11, channels: 29, kernel: 7, stride: 1, dilation: 1, same: false, perChannel: true, seed: 29, inPlace: true),
        // Rows with at least eight interior pixels (one channel at a time, four pixels per vector):
        // stride 2 and 3, dilation 2, 5x5 and 7x7 (the tap-table path), in place in pixel order.
        Shape(size: 20, channels: 13, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 30),
        Shape(size: 26, channels: 8, kernel: 3, stride: 3, dilation: 1, same: false, perChannel: false, seed: 31),
        Shape(size: 16, channels: 5, kernel: 3, stride: 1, dilation: 2, same: true, perChannel: true, seed: 32),
        Shape(size: 14, channels: 9, kernel: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 33),
        Shape(size: 18, channels: 33, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: false, seed: 35, inPlace: true),
        Shape(size: 20, channels: 3, kernel: 7, stride: 1, dilation: 1, same: false, perChannel: true, seed: 36),
        // The selection's edges: wide rows but no row whose window lies inside the input (every
        // pixel on its own), exactly eight interior pixels (the interior path) and seven (not),
        // 1x5 and 3x1 windows, and a SAME 3x3 row of 21 interior pixels between its edge pixels.
        Shape(size: 2, channels: 7, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 50,
              width: 24),
        Shape(size: 5, channels: 6, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: false, seed: 51,
              width: 10),
        Shape(size: 5, channels: 6, kernel: 3, stride: 1, dilation: 1, same: false, perChannel: true, seed: 52,
              width: 9),
        Shape(size: 6, channels: 11, kernel: 1, stride: 1, dilation: 1, same: true, perChannel: true, seed: 53,
              width: 20, kernelW: 5),
        Shape(size: 9, channels: 17, kernel: 3, stride: 2, dilation: 1, same: true, perChannel: false, seed: 54,
              width: 21, kernelW: 1),
        Shape(size: 11, channels: 8, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 55,
              width: 23),
        // The in-place plane kernel's window-dot walk (filter rows gathered 16 bytes at a time,
        // one VMLADAVA per group) and its 3x3 loop past 100 outputs (25x5): 5x5 (two groups),
        // 7x7 at strides 1 and 2 (four, the generic loop), 3x3 dilation 2 (one), a plane 134
        // bytes wide (three 5x5 rows would reach past byte offset 255: three groups of two),
        // 1x5 and 5x1 windows.
        Shape(size: 25, channels: 64, kernel: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 60,
              inPlace: true, width: 5),
        Shape(size: 9, channels: 48, kernel: 5, stride: 2, dilation: 1, same: true, perChannel: false, seed: 61,
              inPlace: true),
        Shape(size: 5, channels: 19, kernel: 7, stride: 1, dilation: 1, same: true, perChannel: true, seed: 62,
              inPlace: true),
        Shape(size: 10, channels: 64, kernel: 7, stride: 2, dilation: 1, same: true, perChannel: false, seed: 63,
              inPlace: true),
        Shape(size: 9, channels: 9, kernel: 3, stride: 1, dilation: 2, same: true, perChannel: true, seed: 64,
              inPlace: true),
        Shape(size: 5, channels: 24, kernel: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 65,
              inPlace: true, width: 130),
        Shape(size: 6, channels: 11, kernel: 1, stride: 1, dilation: 1, same: true, perChannel: true, seed: 66,
              inPlace: true, width: 20, kernelW: 5),
        Shape(size: 9, channels: 5, kernel: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 67,
              inPlace: true, width: 4, kernelW: 1),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2056)
        return (0..<100).map { i in
            let kernel = [1, 2, 3, 3, 5, 7].randomElement(using: &random)!, dilation = Int.random(in: 1...2, using: &random)
            return Shape(size: Int.random(in: ((kernel - 1) * dilation + 1)...14, using: &random),
                         channels: Int.random(in: 1...40, using: &random), kernel: kernel,
                         stride: Int.random(in: 1...3, using: &random), dilation: dilation, same: Bool.random(using: &random),
                         perChannel: Bool.random(using: &random), seed: UInt64(500 + i),
                         inPlace: Bool.random(using: &random), multiplier: [1, 1, 2, 5].randomElement(using: &random)!)
        }
    }()

    /// Rows wide and tall enough for the interior path (heights to 30, widths to 32, any window up
    /// to 7x7, strides 1-3, dilation 1-2), under `MCUC_STRESS=1` as well.
    static let interiorSweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 7717)
        return (0..<100).map { i in
            let kernel = [1, 2, 3, 3, 5, 7].randomElement(using: &random)!, dilation = Int.random(in: 1...2, using: &random)
            let reach = (kernel - 1) * dilation + 1
            return Shape(size: Int.random(in: reach...30, using: &random), channels: Int.random(in: 1...40, using: &random),
                         kernel: kernel, stride: Int.random(in: 1...3, using: &random), dilation: dilation,
                         same: Bool.random(using: &random), perChannel: Bool.random(using: &random), seed: UInt64(700 + i),
                         inPlace: Bool.random(using: &random), width: Int.random(in: reach...32, using: &random))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !interiorSweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: interiorSweep)
    func interiorStressSweep(_ shape: Shape) throws { try check(shape) }

    func check(_ shape: Shape) throws {
        let graph = QemuDepthwiseDSPTests.graph(shape)
        let m55 = TestTargets.named("corstone300")
        let planned = try Pipeline.plan(graph, options: PipelineOptions(target: m55, prefer: .speed))
        let calls = planned.kernels.calls.filter { call in
            ["depthwise", "conv2d"].contains { call.binding?.function?.symbol.contains($0) ?? false }
        }
        let symbols = calls.compactMap { $0.binding?.function?.symbol }
        let inPlace = calls.contains { if case .inPlace = $0.contract { true } else { false } }
        var expected = Self.expectedSymbol(shape, inPlace: inPlace)
        let representative = Self.representative.contains { $0.seed == shape.seed }
        if inPlace, !representative, symbols == ["mcuc_depthwise_inplace_s8_dsp"] {
            expected = symbols[0]  // a sweep shape where the padded plane does not pay
        }
        #expect(symbols == [expected], "\(shape): \(symbols)")
        if shape.inPlace && representative {
            #expect(inPlace, "\(shape): the planner should run it in place")
        }
        if inPlace {
            let plane = expected == "mcuc_depthwise_s8_mve" ? 0
                : expected.hasSuffix("_mve") ? Self.paddedPlane(shape) : shape.size * shape.w
            #expect(calls.first?.scratchBytes == plane, "\(shape): the in-place scratch")
        }
        let (report, build) = try QemuTesting.simulate(graph, path: "dw-mve-\(shape.seed)-\(shape).tflite", core: .m55,
                                                       pipeline: QemuTesting.fastest, target: m55)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M55")
    }

    /// The kernel the planner should choose on the M55: one input channel with a multiplier runs
    /// as a CONV_2D (`DepthwiseAsConv`), other multipliers portable; in place, the DSP kernel
    /// where the padded plane does not pay (seed 24).
    static func expectedSymbol(_ s: Shape, inPlace: Bool) -> String {
        if inPlace, pixelOrderExact(s) { return "mcuc_depthwise_s8_mve" }
        if inPlace { return s.seed == 24 ? "mcuc_depthwise_inplace_s8_dsp" : "mcuc_depthwise_inplace_s8_mve" }
        if s.multiplier > 1 { return s.channels == 1 ? "mcuc_conv2d_s8_mve" : "mcuc_depthwise_s8" }
        return "mcuc_depthwise_s8_mve"
    }

    /// True when, walking outputs in order, no output reads (any tap inside the input) an input
    /// pixel whose index is below its own: the channel-vector kernel then runs in place, no scratch.
    static func pixelOrderExact(_ s: Shape) -> Bool { s.pixelOrderExact }

    /// Bytes of the in-place kernel's plane: the input and the padding its windows reach.
    static func paddedPlane(_ s: Shape) -> Int {
        func extent(_ n: Int, _ k: Int, _ out: Int) -> Int {
            let reach = (out - 1) * s.stride + (k - 1) * s.dilation + 1
            let before = s.same ? max(reach - n, 0) / 2 : 0
            return max(reach, before + n)
        }
        return extent(s.size, s.kernel, s.outH) * extent(s.w, s.kw, s.outW)
    }
}
