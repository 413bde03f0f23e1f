import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// The Helium pooling kernels (`mcuc_avg_pool_s8_mve`, `mcuc_max_pool_s8_mve`: 16 channels of a
/// pixel per pass, windows clipped once per pixel) on the Cortex-M55 under QEMU, bit-exact against
/// the Swift reference: channel counts 1, 7, 16, 17, 33, 64 (tails), windows from 2x2 to a whole
/// plane (KWS's 25x5 global average; 256 taps, the widest 16-bit sum; 289 and 400 taps, the 32-bit
/// path), strides 1-3 (unequal too), SAME and VALID, fused ranges, the output over its input. The
/// standard inputs plus all -128 and all 127 (the extreme sums, -32768 among them).
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuPoolMVETests {
    struct Shape: Sendable, CustomStringConvertible {
        var h: Int, w: Int, c: Int, fh: Int, fw: Int, sh: Int, sw: Int, same: Bool, max: Bool
        var activation: FusedActivation = .none
        var seed: UInt64
        var description: String {
            "\(max ? "max" : "avg") \(h)x\(w)x\(c) \(fh)x\(fw)/\(sh),\(sw) \(same ? "SAME" : "VALID") \(activation)"
        }
    }

    static let representative: [Shape] = [
        Shape(h: 25, w: 5, c: 64, fh: 25, fw: 5, sh: 25, sw: 5, same: false, max: false, seed: 1),  // KWS
        Shape(h: 10, w: 10, c: 7, fh: 3, fw: 3, sh: 1, sw: 1, same: true, max: false, activation: .relu, seed: 2),
        Shape(h: 9, w: 9, c: 17, fh: 2, fw: 2, sh: 2, sw: 2, same: false, max: false, activation: .relu6, seed: 3),
        Shape(h: 8, w: 8, c: 33, fh: 3, fw: 3, sh: 2, sw: 2, same: true, max: false, seed: 4),
        Shape(h: 6, w: 7, c: 1, fh: 3, fw: 2, sh: 1, sw: 3, same: true, max: false, activation: .reluN1To1, seed: 5),
        Shape(h: 16, w: 16, c: 16, fh: 16, fw: 16, sh: 1, sw: 1, same: false, max: false, seed: 6),  // 256 taps
        Shape(h: 20, w: 20, c: 5, fh: 20, fw: 20, sh: 1, sw: 1, same: false, max: false, seed: 7),   // 400 taps
        Shape(h: 18, w: 18, c: 17, fh: 17, fw: 17, sh: 3, sw: 3, same: true, max: false, seed: 8),   // clipped, 32-bit
        Shape(h: 10, w: 10, c: 7, fh: 3, fw: 3, sh: 2, sw: 2, same: true, max: true, activation: .relu, seed: 9),
        Shape(h: 9, w: 9, c: 16, fh: 2, fw: 2, sh: 2, sw: 2, same: false, max: true, seed: 10),
        Shape(h: 8, w: 8, c: 33, fh: 3, fw: 3, sh: 1, sw: 1, same: true, max: true, activation: .relu6, seed: 11),
        Shape(h: 5, w: 5, c: 64, fh: 5, fw: 5, sh: 1, sw: 1, same: false, max: true, seed: 12),
        Shape(h: 7, w: 6, c: 1, fh: 2, fw: 3, sh: 2, sw: 1, same: true, max: true, activation: .reluN1To1, seed: 13),
        Shape(h: 6, w: 6, c: 17, fh: 4, fw: 4, sh: 3, sw: 3, same: true, max: true, seed: 14),
    ]

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws {
        let graph = Self.graph(shape)
        let m55 = TestTargets.named("corstone300")
        let planned = try Pipeline.plan(graph, options: PipelineOptions(target: m55))
        let call = planned.kernels.calls.last!
        #expect(call.binding?.function?.symbol == "mcuc_\(shape.max ? "max" : "avg")_pool_s8_mve", "\(shape)")
        #expect(call.scratchBytes == 0)
        var pipeline = PipelineOptions()
        pipeline.target = m55
        let (sources, planGraph) = try QemuTesting.sources(graph, path: "pool-mve-\(shape.seed).tflite", pipeline: pipeline)
        let directory = HostTesting.scratch("qemu-m55-\(sources.prefix)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let build = try QemuBuild.make(sources, in: directory, options: QemuTesting.options(.m55),
                                       runtime: try QemuTesting.runtimes[.m55]!.get())
        let dims = graph[graph.inputs[0]].shape
        let extremes: [[TensorValue]] = [-128, 127].map { v in
            [TensorValue.int8(dims, [Int8](repeating: v, count: dims.elementCount))]
        }
        let report = try Simulator.simulateOnQemu(graph: planGraph, build: build,
                                                  inputs: HostTesting.inputs(for: planGraph) + extremes)
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M55")
    }

    /// `x -> pool -> y`, one quantization (pooling keeps it); the output may overlap its input.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let scale = Float.random(in: 0.02...0.05, using: &random), zero = Int32.random(in: -20...20, using: &random)
        let x = b.input([1, s.h, s.w, s.c], scale: scale, zeroPoint: zero)
        let oh = s.same ? (s.h + s.sh - 1) / s.sh : (s.h - s.fh) / s.sh + 1
        let ow = s.same ? (s.w + s.sw - 1) / s.sw : (s.w - s.fw) / s.sw + 1
        let y = b.activation([1, oh, ow, s.c], scale: scale, zeroPoint: zero)
        let padding: Padding = s.same ? .same : .valid
        let op: Op = s.max
            ? .maxPool2d(MaxPool2D(padding: padding, strideH: s.sh, strideW: s.sw, filterH: s.fh, filterW: s.fw,
                                   activation: s.activation))
            : .averagePool2d(AveragePool2D(padding: padding, strideH: s.sh, strideW: s.sw, filterH: s.fh, filterW: s.fw,
                                           activation: s.activation))
        b.node(op, inputs: [x], output: y)
        b.inputs = [x]
        b.outputs = [y]
        return b.build()
    }
}
