import IR
import Lowering

/// How much each buffer is used per inference, to give the fastest memory to the busiest bytes:
/// a request's bytes count once (written), and every call that reads it adds its work (its MACs,
/// or its output elements when it has none); a scratch buffer gets its call's work.
enum BufferHeat {
    /// Heat of every request of `set`, indexed like `set.requests`.
    static func of(_ set: RequestSet, graph: Graph, kernels: KernelPlan) -> [Double] {
        var heat = set.requests.map { Double($0.bytes) }
        var requestOf: [TensorID: Int] = [:]
        for placement in set.tensors { requestOf[placement.tensor] = placement.request }
        for call in kernels.calls {
            let node = graph[call.node]
            let elements = node.outputs.first.map { graph[$0].shape.checkedElementCount ?? 0 } ?? 0
            let work = Double(max(graph.macs(of: node), elements))
            for input in Set(call.inputs) { if let r = requestOf[input] { heat[r] += work } }
            for r in set.requests where r.tensor == nil && r.scratchOf == call.node && r.firstStep == call.step {
                heat[r.id] += work
            }
        }
        return heat
    }
}
