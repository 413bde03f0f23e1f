import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// Lowering as a table: a small graph, the node of interest, and the expected kernel, scratch
/// and contract. The default target is an M4: 1x1 convs and FCs run the DSP GEMM, whose scratch
/// is 8 bytes per row (up to two) and group of four input channels (plus the im2col rows of a
/// k x k conv).
@Suite struct KernelChoiceTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var graph: @Sendable () -> (Graph, NodeID)
        var kernel: String
        var scratch: Int
        var contract: String
        var options = LoweringOptions(target: TestTargets.default)
        var description: String { name }
    }

    static func lowered(_ c: Case) -> KernelCall {
        let (graph, node) = c.graph()
        let schedule = Scheduling.schedule(graph)
        let plan = Lowering.lower(graph, schedule: schedule, options: c.options)
        #expect(Lowering.problems(in: plan, graph: graph, schedule: schedule).isEmpty)
        return plan.calls.first { $0.node == node }!
    }

    @Test(arguments: cases)
    func choosesKernelAndContract(_ c: Case) {
        let call = Self.lowered(c)
        #expect(call.kernel.name == c.kernel)
        #expect(call.scratchBytes == c.scratch)
        #expect(ContractText.describe(call.contract) == c.contract)
    }

    /// input [1,8,8,cin] -> node under test -> relu (so the tested output is not a graph output).
    static func single(_ dims: [Int] = [1, 8, 8, 4], _ body: @escaping @Sendable (inout GraphBuilder, TensorID) -> TensorID)
        -> @Sendable () -> (Graph, NodeID) {
        {
            var b = GraphBuilder()
            let x = b.input(dims)
            let y = body(&b, x)
            let node = NodeID(b.nodes.count - 1)
            let z = b.op(.relu(Relu()), [y], b.shape(y).dims)
            return (b.build(outputs: [z]), node)
        }
    }

    static let cases: [Case] = basicCases + viewCases

    static let basicCases: [Case] = [
        Case(name: "1x1 conv widening", graph: single { b, x in b.conv(x, cout: 8, k: 1) }, kernel: "conv1x1",
             scratch: 16, contract: "streaming(t0, gap \(8 + 4 * 63), interleaved)"),
        Case(name: "1x1 conv narrowing", graph: single { b, x in b.conv(x, cout: 2, k: 1) }, kernel: "conv1x1",
             scratch: 16, contract: "streaming(t0, gap 2, interleaved)"),
        Case(name: "1x1 conv stride 2 is generic", graph: single { b, x in b.conv(x, cout: 4, k: 1, stride: 2, padding: .valid) },
             kernel: "conv", scratch: 24, contract: "streaming(t0, gap 16, rows)"),  // im2col: 2 rows of 4 + 2 x 8
        Case(name: "3x3 conv stride 2", graph: single { b, x in b.conv(x, cout: 8, k: 3, stride: 2) }, kernel: "conv",
             scratch: 216, contract: "streaming(t0, gap 32, rows)"),
        Case(name: "3x3 conv stride 1 keeps a halo row", graph: single { b, x in b.conv(x, cout: 4, k: 3) },
             kernel: "conv", scratch: 0, contract: "streaming(t0, gap 64, rows)"),  // in place: 4 channels (ConvDSPCost)
        Case(name: "depthwise wide image streams rows",
             graph: single([1, 32, 32, 2]) { b, x in b.depthwise(x, k: 3) }, kernel: "dw", scratch: 0,
             contract: "streaming(t0, gap 128, rows)"),
        Case(name: "depthwise many channels runs in place",  // 3x3 on an M4: a padded 6x6 plane and 4 bytes
             graph: single([1, 4, 4, 64]) { b, x in b.depthwise(x, k: 3) }, kernel: "dw-inplace", scratch: 40,
             contract: "in-place(t0)"),
        Case(name: "depthwise multiplier 2 never in place",
             graph: single([1, 4, 4, 64]) { b, x in b.depthwise(x, k: 3, multiplier: 2) }, kernel: "dw", scratch: 0,
             contract: "streaming(t0, gap 1536, rows)"),
        Case(name: "fully connected, one row", graph: single([1, 20]) { b, x in b.fullyConnected(x, cout: 10) },
             kernel: "fc", scratch: 0, contract: "streaming(t0, gap 10, interleaved)"),
        Case(name: "fully connected, batch of rows", graph: single([3, 20]) { b, x in b.fullyConnected(x, cout: 30) },
             kernel: "fc", scratch: 80, contract: "streaming(t0, gap 50, interleaved)"),
        Case(name: "relu in place", graph: single { b, x in b.op(.relu(Relu()), [x], [1, 8, 8, 4]) }, kernel: "unary",
             scratch: 0, contract: "streaming(t0, gap 0, read-then-write)"),
        Case(name: "softmax in place", graph: single([1, 10]) { b, x in b.op(.softmax(Softmax(beta: 1)), [x], [1, 10]) },
             kernel: "softmax", scratch: 0, contract: "streaming(t0, gap 0, read-then-write)"),
        Case(name: "max pool 2x2", graph: single { b, x in
                 b.op(.maxPool2d(MaxPool2D(padding: .valid, strideH: 2, strideW: 2, filterH: 2, filterW: 2, activation: .none)),
                      [x], [1, 4, 4, 4]) }, kernel: "pool", scratch: 0, contract: "streaming(t0, gap 16, rows)"),
        Case(name: "mean is separate", graph: single { b, x in
                 let axes = b.constInt32([2], [1, 2])
                 return b.op(.mean(Mean(keepDims: true)), [x, axes], [1, 1, 1, 4]) }, kernel: "mean", scratch: 0,
             contract: "separate"),
        Case(name: "transpose is separate", graph: single { b, x in
                 let perm = b.constInt32([4], [0, 3, 1, 2])
                 return b.op(.transpose(Transpose()), [x, perm], [1, 4, 8, 8]) }, kernel: "transpose", scratch: 0, contract: "separate"),
        Case(name: "no sharing: separate", graph: single { b, x in b.conv(x, cout: 8, k: 1) }, kernel: "conv1x1", scratch: 16,
             contract: "separate", options: LoweringOptions(target: TestTargets.default, sharing: false)),
        Case(name: "external IO: graph input never overlapped", graph: single { b, x in b.conv(x, cout: 8, k: 1) },
             kernel: "conv1x1", scratch: 16, contract: "separate", options: LoweringOptions(target: TestTargets.default, externalIO: true)),
    ]
}
