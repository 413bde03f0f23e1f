import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// `mcuc_conv2d_s8_mve` (k x k CONV_2D through one im2col row at a time into the Helium GEMM) on
/// the Cortex-M55 under QEMU, bit-exact against the Swift reference on the DSP tests' graphs:
/// first layers (1 or 3 input channels), odd channel counts, 1x1 to 5x5 and 10x4 windows, strides
/// 1-2, dilation, SAME padding (taps filled with the zero point) and VALID, per-tensor and
/// per-channel. `make stress-kernels` (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuConvMVETests {
    typealias Shape = QemuConvDSPTests.Shape

    static let representative: [Shape] = QemuConvDSPTests.representative + [
        Shape(height: 5, width: 6, inC: 16, outC: 4, kh: 1, kw: 3, stride: 1, dilation: 1, same: true, perChannel: true, seed: 21),
        Shape(height: 4, width: 4, inC: 33, outC: 9, kh: 2, kw: 2, stride: 2, dilation: 1, same: false, perChannel: false, seed: 22),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2057)
        return (0..<80).map { i in
            let kh = Int.random(in: 1...5, using: &random), kw = Int.random(in: 1...5, using: &random)
            let dilation = Int.random(in: 1...2, using: &random)
            return Shape(height: Int.random(in: ((kh - 1) * dilation + 1)...12, using: &random),
                         width: Int.random(in: ((kw - 1) * dilation + 1)...12, using: &random),
                         inC: Int.random(in: 1...20, using: &random), outC: Int.random(in: 1...24, using: &random),
                         kh: kh, kw: kw, stride: Int.random(in: 1...2, using: &random), dilation: dilation,
                         same: Bool.random(using: &random), perChannel: Bool.random(using: &random), seed: UInt64(700 + i))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape) }

    func check(_ shape: Shape) throws {
        let graph = QemuConvDSPTests.graph(shape)
        let m55 = TestTargets.named("corstone300")
        let planned = try Pipeline.plan(graph, options: PipelineOptions(target: m55, prefer: .speed))
        let calls = planned.kernels.calls.filter { $0.binding?.function != nil }
        #expect(calls.compactMap { $0.binding?.function?.symbol } == ["mcuc_conv2d_s8_mve"], "\(shape)")
        #expect(calls.first?.scratchBytes == shape.kh * shape.kw * shape.inC, "\(shape): one im2col row")
        let (report, build) = try QemuTesting.simulate(graph, path: "conv-mve-\(shape.seed)-\(shape).tflite", core: .m55,
                                                       pipeline: QemuTesting.fastest, target: m55)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M55")
    }
}
