import Driver
import IR
import Reference
import Simulator
import Testing
import TestSupport

/// Inputs and graphs at the edges of what the host harness and the kernels see.
@Suite struct BoundaryCasesSimulationTests {
    /// Non-finite float inputs have one defined result, in the reference and in the emitted C:
    /// NaN quantizes to the zero point, +-infinity and out-of-range values saturate to 127 / -128.
    /// (TFLite Micro casts `round(x / scale)` to int32, which C++ leaves undefined for these: on
    /// x86 hosts NaN becomes -128, on Cortex-M the zero point; mcuc follows the Cortex-M result.)
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"))
    func nonFiniteFloatInputsHaveOneDefinedResult() throws {
        var b = GraphBuilder()
        let x = b.float32([1, 6])
        b.inputs = [x]
        let y = b.activation([1, 6], scale: 0.5, zeroPoint: 37)
        b.node(.quantize(Quantize()), inputs: [x], output: y)
        b.outputs = [y]
        let graph = b.build()
        let values: [Float] = [.nan, -.nan, .infinity, -.infinity, 3e38, -3e38]
        let input = [TensorValue.float32(Shape([1, 6]), values)]
        #expect(try Reference.outputs(of: graph, in: Reference.run(graph, inputs: input)).first?.int8Values
                == [37, 37, 127, -128, 127, -128])
        let report = try HostTesting.simulate(graph, path: "nan.tflite", runtime: try HostTesting.runtime("gcc"),
                                              inputs: [input])
        #expect(report.bitExact, "\(report.mismatches)")
    }

    /// A graph with more inputs and outputs than the harness once allowed (64): 70 outputs, each a
    /// RELU of the one input, simulated like any other.
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"))
    func seventyOutputsSimulate() throws {
        var b = GraphBuilder()
        let x = b.input([1, 4], scale: 0.5, zeroPoint: -3)
        b.outputs = (0..<70).map { _ in
            let y = b.activation([1, 4], scale: 0.5, zeroPoint: -3)
            b.node(.relu(Relu()), inputs: [x], output: y)
            return y
        }
        let report = try HostTesting.simulate(b.build(), path: "seventy.tflite", runtime: try HostTesting.runtime("gcc"))
        HostTesting.expectExactAndInsideArena(report, "70 outputs")
    }
}
