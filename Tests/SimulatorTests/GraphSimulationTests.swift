import Driver
import IR
import Lowering
import Simulator
import Testing
import TestSupport

/// Small built graphs for the kernel choices no fixture or shared model happens to make:
/// concatenation by producer slices, RESHAPE copies, several inputs and outputs.
@Suite struct GraphSimulationTests {
    static func kernels(_ graph: Graph, externalIO: Bool = false) throws -> [Kernel] {
        try Pipeline.plan(graph, options: PipelineOptions(externalIO: externalIO)).kernels.calls.map(\.kernel)
    }

    /// Two activations concatenated along axis 1 of [1, n, 3]: every dimension before the axis
    /// is 1, so the producers write straight into their slices.
    static func concatenation() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 2, 3], scale: 0.5, zeroPoint: 2)
        let r = b.activation([1, 2, 3], scale: 0.5, zeroPoint: 2)
        b.node(.relu(Relu()), inputs: [x], output: r)
        let s = b.activation([1, 2, 3], scale: 0.5, zeroPoint: 2)
        b.node(.leakyRelu(LeakyRelu(alpha: 0.25)), inputs: [x], output: s)
        let y = b.activation([1, 4, 3], scale: 0.5, zeroPoint: 2)
        b.node(.concatenation(Concatenation(axis: 1, activation: .none)), inputs: [r, s], output: y)
        let z = b.activation([1, 4, 3], scale: 0.25, zeroPoint: -1)
        b.node(.relu(Relu()), inputs: [y], output: z)
        return b.build()
    }

    /// A RESHAPE of the graph input straight to the graph output: with caller-owned I/O it copies.
    static func reshapeOfInput() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 2, 2, 2], scale: 0.5, zeroPoint: 0)
        let shape = b.constInt32([2], [1, 8])
        let y = b.activation([1, 8], scale: 0.5, zeroPoint: 0)
        b.node(.reshape(Reshape(newShape: [1, 8])), inputs: [x, shape], output: y)
        return b.build()
    }

    /// Two inputs, two outputs (ADD and MUL of the same operands).
    static func twoInTwoOut() -> Graph {
        var b = GraphBuilder()
        let x = b.input([2, 3, 4], scale: 0.1, zeroPoint: -5)
        let y = b.input([3, 1], scale: 0.2, zeroPoint: 7)
        let sum = b.activation([2, 3, 4], scale: 0.3, zeroPoint: 1)
        b.node(.add(Add(activation: .relu)), inputs: [x, y], output: sum)
        let product = b.activation([2, 3, 4], scale: 0.05, zeroPoint: -2)
        b.node(.mul(Mul(activation: .none)), inputs: [x, y], output: product)
        b.outputs = [product, sum]
        return b.build()
    }

    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"))
    func concatenationBySlices() throws {
        let graph = Self.concatenation()
        #expect(try Self.kernels(graph).contains(.concatenationBySlices))
        let report = try HostTesting.simulate(graph, path: "concat.tflite", runtime: try HostTesting.runtime("gcc"))
        HostTesting.expectExactAndInsideArena(report, "concatenation by slices")
    }

    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"), arguments: [false, true])
    func reshapeCopyOrAlias(externalIO: Bool) throws {
        let graph = Self.reshapeOfInput()
        #expect(try Self.kernels(graph, externalIO: externalIO) == [externalIO ? .copy : .reshapeAlias])
        let report = try HostTesting.simulate(graph, path: "reshape.tflite", runtime: try HostTesting.runtime("gcc"),
                                              externalIO: externalIO)
        #expect(report.bitExact)
        #expect(report.peakArenaBytesMeasured == report.arenaBytesPlanned)
    }

    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"), arguments: [false, true])
    func severalInputsAndOutputs(externalIO: Bool) throws {
        let report = try HostTesting.simulate(Self.twoInTwoOut(), path: "two.tflite", runtime: try HostTesting.runtime("gcc"),
                                              externalIO: externalIO)
        HostTesting.expectExactAndInsideArena(report, "two inputs, two outputs")
    }
}
