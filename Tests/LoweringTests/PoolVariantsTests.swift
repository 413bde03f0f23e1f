import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The shipped variant table on AVERAGE_POOL_2D and MAX_POOL_2D, per core: the Helium kernels on
/// the M55 (also where `--prefer` keeps a node memory-lean: they need no scratch), the portable
/// ones elsewhere, and always the portable kernel's scratch (none) and overlap contract.
@Suite struct PoolVariantsTests {
    struct Case: Sendable, CustomStringConvertible {
        var target: String
        var max: Bool
        var lean = false
        var expected: String
        var description: String { "\(target) \(max ? "max" : "avg")\(lean ? " lean" : "")" }
    }

    static let cases: [Case] = [
        Case(target: "rp2040", max: false, expected: "mcuc_avg_pool_s8"),            // M0+: portable
        Case(target: "rp2040", max: true, expected: "mcuc_max_pool_s8"),
        Case(target: "nucleo-l4r5zi", max: false, expected: "mcuc_avg_pool_s8"),     // M4
        Case(target: "nucleo-l4r5zi", max: true, expected: "mcuc_max_pool_s8"),
        Case(target: "corstone300", max: false, expected: "mcuc_avg_pool_s8_mve"),   // M55: Helium
        Case(target: "corstone300", max: true, expected: "mcuc_max_pool_s8_mve"),
        Case(target: "corstone300", max: false, lean: true, expected: "mcuc_avg_pool_s8_mve"),
        Case(target: "corstone300", max: true, lean: true, expected: "mcuc_max_pool_s8_mve"),
    ]

    /// `x -> RELU -> pool 3x3/2 SAME -> RELU`: the pool's input dies there, so it may be overlapped.
    static func graph(max: Bool) -> (Graph, NodeID) {
        var b = GraphBuilder()
        let x = b.input([1, 9, 9, 17])
        let r = b.op(.relu(Relu()), [x], [1, 9, 9, 17])
        let pool: Op = max
            ? .maxPool2d(MaxPool2D(padding: .same, strideH: 2, strideW: 2, filterH: 3, filterW: 3, activation: .none))
            : .averagePool2d(AveragePool2D(padding: .same, strideH: 2, strideW: 2, filterH: 3, filterW: 3, activation: .relu))
        let y = b.op(pool, [r], [1, 5, 5, 17])
        let z = b.op(.relu(Relu()), [y], [1, 5, 5, 17])
        return (b.build(outputs: [z]), NodeID(1))
    }

    static func lowered(_ graph: Graph, _ node: NodeID, _ options: LoweringOptions) -> KernelCall {
        Lowering.lower(graph, schedule: Scheduling.schedule(graph), options: options).calls.first { $0.node == node }!
    }

    @Test(arguments: cases)
    func theTableChoosesPerCore(_ c: Case) {
        let (graph, node) = Self.graph(max: c.max)
        let options = LoweringOptions(target: TestTargets.named(c.target), portableNodes: c.lean ? [node] : [])
        let call = Self.lowered(graph, node, options)
        let portable = Self.lowered(graph, node, LoweringOptions(target: TestTargets.named("rp2040")))
        #expect(call.binding?.function?.symbol == c.expected)
        #expect(call.scratchBytes == 0)
        #expect(call.contract == portable.contract)
        #expect(call.contract.overlappedInput != nil, "the pool's input dies at the pool: \(call.contract)")
    }
}
