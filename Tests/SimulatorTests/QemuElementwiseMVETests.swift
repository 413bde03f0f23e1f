import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// The Helium ADD and SUB (`mcuc_add_s8_mve`, `mcuc_sub_s8_mve`: operands of the output's shape,
/// four elements per vector) on the Cortex-M55 under QEMU, bit-exact against the Swift reference
/// with random scales and zero points (left shift 20, input multipliers above and below one half,
/// output rescales up and down), element counts not a multiple of 4, fused activations, and the
/// output written over an operand; a broadcast keeps the portable kernel.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuElementwiseMVETests {
    struct Shape: Sendable, CustomStringConvertible {
        var dims: [Int], other: [Int], sub: Bool, activation: FusedActivation, seed: UInt64
        var description: String { "\(sub ? "SUB" : "ADD") \(dims) \(other) \(activation)" }
    }

    static let representative: [Shape] = [
        Shape(dims: [1, 5, 5, 7], other: [1, 5, 5, 7], sub: false, activation: .relu, seed: 1),
        Shape(dims: [1, 8, 8, 16], other: [1, 8, 8, 16], sub: false, activation: .none, seed: 2),
        Shape(dims: [1, 3, 1, 1], other: [1, 3, 1, 1], sub: true, activation: .none, seed: 3),
        Shape(dims: [1, 6, 6, 5], other: [1, 6, 6, 5], sub: true, activation: .relu6, seed: 4),
        Shape(dims: [1, 4, 4, 6], other: [1, 1, 1, 6], sub: false, activation: .none, seed: 5),
    ]

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws {
        let graph = Self.graph(shape)
        let m55 = TestTargets.named("corstone300")
        let planned = try Pipeline.plan(graph, options: PipelineOptions(target: m55, prefer: .speed))
        let symbols = planned.kernels.calls.compactMap { $0.binding?.function?.symbol }
        let op = shape.sub ? "sub" : "add"
        #expect(symbols.last == (shape.dims == shape.other ? "mcuc_\(op)_s8_mve" : "mcuc_\(op)_s8"), "\(shape): \(symbols)")
        let (report, build) = try QemuTesting.simulate(graph, path: "ew-mve-\(shape.seed)-\(op).tflite", core: .m55,
                                                       pipeline: QemuTesting.fastest, target: m55)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M55")
    }

    /// `x -> RELU -> (x' +/- y)`: the RELU output dies at the ADD, which may write over it.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let xScale = Float.random(in: 0.01...0.2, using: &random), xZero = Int32.random(in: -128...127, using: &random)
        let x = b.input(s.dims, scale: xScale, zeroPoint: xZero)
        let y = b.input(s.other, scale: Float.random(in: 0.01...0.2, using: &random),
                        zeroPoint: Int32.random(in: -128...127, using: &random))
        b.inputs = [x, y]
        let r = b.activation(s.dims, scale: xScale, zeroPoint: xZero)
        b.node(.relu(Relu()), inputs: [x], output: r)
        let out = b.activation(s.dims, scale: Float.random(in: 0.02...0.3, using: &random),
                               zeroPoint: Int32.random(in: -100...100, using: &random))
        let op: Op = s.sub ? .sub(Sub(activation: s.activation)) : .add(Add(activation: s.activation))
        b.node(op, inputs: [r, y], output: out)
        b.outputs = [out]
        return b.build()
    }
}
