import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// `mcuc_conv2d_direct_s8_dsp` (CONV_2D of input depth 1-4 with window rows read in place, no
/// scratch) under QEMU, bit-exact against the Swift reference: input depths 1-4, odd widths,
/// filter widths 1-10 (row lengths that are and are not a multiple of 4), strides 1-2, row
/// dilation, SAME padding (skipped rows, assembled edge columns) and VALID, per-tensor and
/// per-channel, output channels not a multiple of the kernel's block of 4. Planned with
/// `--prefer memory`: the variant table puts im2col first, and the memory-lean plan gives its
/// scratch up for this scratch-free kernel. M4 runs the representative set, M7 and M33 a few;
/// `make stress-kernels` (`MCUC_STRESS=1`) a seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuConvDirectDSPTests {
    typealias Shape = QemuConvDSPTests.Shape

    static let representative: [Shape] = [
        // micro_speech-like: one channel, 10x8 filter, stride 2, SAME (rows skipped at the top and bottom).
        Shape(height: 13, width: 11, inC: 1, outC: 8, kh: 10, kw: 8, stride: 2, dilation: 1, same: true, perChannel: false, seed: 1),
        Shape(height: 9, width: 7, inC: 2, outC: 5, kh: 3, kw: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 2),
        Shape(height: 11, width: 9, inC: 3, outC: 6, kh: 3, kw: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 3),
        Shape(height: 7, width: 5, inC: 4, outC: 9, kh: 5, kw: 2, stride: 1, dilation: 1, same: false, perChannel: false, seed: 4),
        Shape(height: 10, width: 9, inC: 1, outC: 3, kh: 1, kw: 1, stride: 2, dilation: 1, same: false, perChannel: true, seed: 5),
        Shape(height: 8, width: 9, inC: 3, outC: 1, kh: 6, kw: 5, stride: 2, dilation: 1, same: true, perChannel: true, seed: 6),
        Shape(height: 12, width: 13, inC: 1, outC: 11, kh: 4, kw: 10, stride: 1, dilation: 1, same: true, perChannel: false,
              seed: 7, dilationH: 2),
        Shape(height: 6, width: 7, inC: 2, outC: 4, kh: 2, kw: 6, stride: 2, dilation: 1, same: false, perChannel: true, seed: 8),
        Shape(height: 5, width: 5, inC: 3, outC: 2, kh: 5, kw: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 9),
    ]

    /// Shapes that also run on the Cortex-M7 and M33 builds of the kernel.
    static let otherCores: [(CortexMCore, Shape)] = [.m7, .m33].flatMap { core in
        [representative[0], representative[2], representative[5]].map { (core, $0) }
    }

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2029)
        return (0..<80).map { i in
            let kh = Int.random(in: 1...10, using: &random), inC = Int.random(in: 1...4, using: &random)
            // Windows the kernel takes: filterH rows of whole words within MCUC_CONV_DIRECT_MAX_WINDOW.
            let kw = Int.random(in: 1...min(10, (ConvDirectDSPPacking.maxWindowBytes / kh) / 4 * 4 / inC), using: &random)
            let dilationH = Int.random(in: 1...2, using: &random)
            let minHeight = (kh - 1) * dilationH + 1
            return Shape(height: Int.random(in: minHeight...max(16, minHeight), using: &random),
                         width: Int.random(in: kw...15, using: &random), inC: inC,
                         outC: Int.random(in: 1...13, using: &random), kh: kh, kw: kw,
                         stride: Int.random(in: 1...2, using: &random), dilation: 1, same: Bool.random(using: &random),
                         perChannel: Bool.random(using: &random), seed: UInt64(700 + i), dilationH: dilationH)
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape, core: .m4) }

    @Test(arguments: otherCores)
    func otherDSPCores(_ core: CortexMCore, _ shape: Shape) throws { try check(shape, core: core) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape, core: .m4) }

    func check(_ shape: Shape, core: CortexMCore) throws {
        let graph = QemuConvDSPTests.graph(shape)
        let lean = PipelineOptions(prefer: .memory)
        let planned = try Pipeline.plan(graph, options: lean)
        let calls = planned.kernels.calls.filter { $0.binding?.function != nil }
        #expect(calls.map { $0.binding!.function!.symbol } == [KernelVariants.convDirectDSP.symbol], "\(shape)")
        #expect(calls.allSatisfy { $0.scratchBytes == 0 }, "\(shape)")
        let (report, build) = try QemuTesting.simulate(graph, path: "conv-direct-\(shape.seed)-\(shape).tflite", core: core,
                                                       pipeline: lean)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on \(core)")
    }
}
