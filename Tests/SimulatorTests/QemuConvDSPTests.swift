import Driver
import Foundation
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// `mcuc_conv2d_s8_dsp` (k x k CONV_2D through im2col rows into the DSP GEMM) on the Cortex-M4
/// under QEMU, bit-exact against the Swift reference with random weights and biases: first
/// layers (1 or 3 input channels), odd channel counts, 1x1 to 5x5 and 10x4 windows, strides 1-2,
/// dilation, SAME padding (taps filled with the zero point) and VALID, per-tensor and per-channel.
/// `make stress-kernels` (`MCUC_STRESS=1`) runs a long seeded sweep.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuConvDSPTests {
    struct Shape: Sendable, CustomStringConvertible {
        var height: Int, width: Int, inC: Int, outC: Int, kh: Int, kw: Int, stride: Int, dilation: Int
        var same: Bool, perChannel: Bool
        var seed: UInt64
        /// The row dilation when it differs from the column dilation (`dilation`).
        var dilationH: Int? = nil
        var description: String {
            "\(height)x\(width)x\(inC)->\(outC) k\(kh)x\(kw) s\(stride) d\(dilationH.map { "\($0)x" } ?? "")\(dilation) "
                + "\(same ? "same" : "valid") " + (perChannel ? "per-channel" : "per-tensor")
        }

    }

    static let representative: [Shape] = [
        Shape(height: 9, width: 7, inC: 3, outC: 8, kh: 3, kw: 3, stride: 2, dilation: 1, same: true, perChannel: true, seed: 1),
        Shape(height: 12, width: 5, inC: 1, outC: 17, kh: 10, kw: 4, stride: 2, dilation: 1, same: true, perChannel: false, seed: 2),
        Shape(height: 6, width: 6, inC: 5, outC: 3, kh: 3, kw: 3, stride: 1, dilation: 1, same: false, perChannel: true, seed: 3),
        Shape(height: 8, width: 8, inC: 4, outC: 17, kh: 3, kw: 3, stride: 1, dilation: 2, same: true, perChannel: true, seed: 4),
        Shape(height: 7, width: 7, inC: 6, outC: 5, kh: 5, kw: 5, stride: 1, dilation: 1, same: true, perChannel: false, seed: 5),
        Shape(height: 5, width: 4, inC: 9, outC: 2, kh: 1, kw: 1, stride: 2, dilation: 1, same: false, perChannel: true, seed: 6),
    ]

    static let sweep: [Shape] = {
        guard ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1" else { return [] }
        var random = SeededRandom(seed: 2028)
        return (0..<80).map { i in
            let kh = Int.random(in: 1...5, using: &random), kw = Int.random(in: 1...5, using: &random)
            return Shape(height: Int.random(in: kh...12, using: &random), width: Int.random(in: kw...12, using: &random),
                         inC: Int.random(in: 1...20, using: &random), outC: Int.random(in: 1...24, using: &random),
                         kh: kh, kw: kw, stride: Int.random(in: 1...2, using: &random), dilation: 1,
                         same: Bool.random(using: &random), perChannel: Bool.random(using: &random), seed: UInt64(500 + i))
        }
    }()

    @Test(arguments: representative)
    func representativeShapes(_ shape: Shape) throws { try check(shape) }

    @Test(.enabled(if: !sweep.isEmpty, "MCUC_STRESS=1 runs the sweep"), arguments: sweep)
    func stressSweep(_ shape: Shape) throws { try check(shape, orInPlace: true) }

    /// `orInPlace`: the in-place DSP kernel may run instead where it is estimated faster (few
    /// output channels over a large window of a shallow input; `ConvDSPCost`). A 1x1 stride-1
    /// conv is a GEMM over the pixels and runs `mcuc_gemm_s8_dsp` (the sweep draws some).
    func check(_ shape: Shape, orInPlace: Bool = false) throws {
        let graph = Self.graph(shape)
        let planned = try Pipeline.plan(graph, options: QemuTesting.fastest)
        let symbols = planned.kernels.calls.compactMap { $0.binding?.function?.symbol }
        let pointwise = shape.kh == 1 && shape.kw == 1 && shape.stride == 1
        let expected = pointwise ? ["mcuc_gemm_s8_dsp"]
            : orInPlace && symbols == [KernelVariants.convDirectDSP.symbol] ? symbols : ["mcuc_conv2d_s8_dsp"]
        #expect(symbols == expected, "\(shape): \(symbols)")
        let (report, build) = try QemuTesting.simulate(graph, path: "conv-dsp-\(shape.seed)-\(shape).tflite", core: .m4, pipeline: QemuTesting.fastest)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(shape) on M4")
    }

    /// `input [1, height, width, inC] -> CONV_2D (RELU)`.
    static func graph(_ s: Shape) -> Graph {
        var random = SeededRandom(seed: s.seed)
        var b = GraphBuilder()
        let inScale: Float = 0.05
        let x = b.input([1, s.height, s.width, s.inC], scale: inScale, zeroPoint: Int32.random(in: -128...127, using: &random))
        b.inputs = [x]
        let scales = (0..<(s.perChannel ? s.outC : 1)).map { _ in Float.random(in: 0.002...0.02, using: &random) }
        let count = s.outC * s.kh * s.kw * s.inC
        let w = b.constInt8([s.outC, s.kh, s.kw, s.inC], (0..<count).map { _ in Int8.random(in: -127...127, using: &random) },
                            quant: QuantParams(scale: scales, zeroPoint: Array(repeating: 0, count: scales.count),
                                               axis: s.perChannel ? 0 : nil))
        let bias = b.constInt32([s.outC], (0..<s.outC).map { _ in Int32.random(in: -20000...20000, using: &random) },
                                quant: QuantParams(scale: scales.map { $0 * inScale },
                                                   zeroPoint: Array(repeating: 0, count: scales.count), axis: s.perChannel ? 0 : nil))
        let padding: Padding = s.same ? .same : .valid
        let dilationH = s.dilationH ?? s.dilation
        let h = GraphBuilder.outSize(s.height, filter: s.kh, stride: s.stride, dilation: dilationH, padding: padding)
        let wd = GraphBuilder.outSize(s.width, filter: s.kw, stride: s.stride, dilation: s.dilation, padding: padding)
        let depth = Float(s.kh * s.kw * s.inC)
        let y = b.activation([1, h, wd, s.outC], scale: inScale * 0.01 * depth.squareRoot() * 40,
                             zeroPoint: Int32.random(in: -100...100, using: &random))
        b.node(.conv2d(Conv2D(padding: padding, strideH: s.stride, strideW: s.stride, dilationH: dilationH,
                              dilationW: s.dilation, activation: .relu)),
               inputs: [x, w, bias], output: y)
        b.outputs = [y]
        return b.build()
    }
}
