import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// The Helium GEMM (`mcuc_gemm_s8_mve`: 1x1 CONV_2D and FULLY_CONNECTED) on the Cortex-M55 under
/// QEMU, bit-exact against the Swift reference on the DSP GEMM tests' graphs
/// (`1x1 conv (RELU) -> FULLY_CONNECTED`): odd channel counts (blocks of four with 1-3 channels
/// left), depths below, at and past multiples of 16 (predicated tails), per-tensor and
/// per-channel weights. `make stress-kernels` (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuGemmMVETests {
    typealias Shape = QemuGemmDSPTests.Shape

    static let representative: [Shape] = [
        Shape(pixels: 1, depth: 1, channels: 1, units: 1, perChannel: false, seed: 1),
        Shape(pixels: 2, depth: 3, channels: 5, units: 3, perChannel: true, seed: 2),
        Shape(pixels: 3, depth: 16, channels: 8, units: 2, perChannel: false, seed: 3),
        Shape(pixels: 7, depth: 17, channels: 33, units: 9, perChannel: true, seed: 4),
        Shape(pixels: 5, depth: 64, channels: 31, units: 10, perChannel: true, seed: 5),
        Shape(pixels: 4, depth: 47, channels: 2, units: 17, perChannel: false, seed: 6),
        Shape(pixels: 2, depth: 250, channels: 12, units: 64, perChannel: false, seed: 8),
        Shape(pixels: 1, depth: 640, channels: 128, units: 7, perChannel: true, seed: 10),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2055)
        return (0..<120).map { i in
            Shape(pixels: Int.random(in: 1...13, using: &random), depth: Int.random(in: 1...300, using: &random),
                  channels: Int.random(in: 1...70, using: &random), units: Int.random(in: 1...40, using: &random),
                  perChannel: Bool.random(using: &random), seed: UInt64(300 + i))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape) }

    func check(_ shape: Shape) throws {
        let graph = QemuGemmDSPTests.graph(shape)
        let m55 = TestTargets.named("corstone300")
        let planned = try Pipeline.plan(graph, options: PipelineOptions(target: m55, prefer: .speed))
        let symbols = planned.kernels.calls.compactMap { $0.binding?.function?.symbol }
        #expect(symbols == ["mcuc_gemm_s8_mve", "mcuc_gemm_s8_mve"], "\(shape): \(symbols)")
        let (report, build) = try QemuTesting.simulate(graph, path: "gemm-mve-\(shape.seed)-\(shape).tflite",
                                                       core: .m55, pipeline: QemuTesting.fastest, target: m55)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M55")
    }
}
