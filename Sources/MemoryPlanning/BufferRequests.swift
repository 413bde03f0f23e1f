import IR
import Lowering
import Scheduling

/// Where one materialized tensor lives: inside a request, at a byte offset (non-zero only for a
/// slice of a concatenation).
public struct TensorPlacement: Sendable, Hashable {
    public var tensor: TensorID
    /// The request holding its bytes.
    public var request: Int
    /// Offset of the tensor's first byte inside the request.
    public var byteOffset: Int
    public var bytes: Int
    /// The tensor's own lifetime (a view's is shorter than its request's).
    public var firstStep: Int
    public var lastStep: Int
    /// The tensor whose bytes it is a view of (RESHAPE alias or concatenation slice), if any.
    public var viewOf: TensorID?
}

/// The requests of a schedule and where every tensor lives among them.
struct RequestSet {
    var requests: [BufferRequest]
    var tensors: [TensorPlacement]
    var staticBytes: Int
}

/// Resolves views (aliases, slices) to the tensor that owns the bytes.
struct ViewRoots {
    let views: [TensorID: (base: TensorID, offset: Int)]

    /// The owning tensor of `id` and the byte offset of `id` inside it.
    func root(of id: TensorID) -> (base: TensorID, offset: Int) {
        guard let view = views[id] else { return (id, 0) }
        let (base, offset) = root(of: view.base)
        return (base, offset + view.offset)
    }
}

/// Builds `BufferRequest`s from a graph, schedule and kernel plan.
enum BufferRequests {
    /// Requests for every materialized activation (views share their base's request; graph I/O
    /// is left out when `externalIO`), one per kernel scratch, and the sharing rules of the
    /// calls' contracts.
    static func make(graph: Graph, schedule: Schedule, kernels: KernelPlan, alignment: Int) -> RequestSet {
        let accounting = PatchAccounting(schedule)
        var lifetimes = tensorLifetimes(graph: graph, schedule: schedule, kernels: kernels)
        accounting.adjust(&lifetimes)
        let roots = ViewRoots(views: kernels.views(in: graph))
        let external = kernels.options.externalIO
            ? Set(graph.inputs + graph.outputs).subtracting(accounting.streamedInputs) : []
        let materialized = lifetimes.keys.sorted().filter { id in
            !graph[id].isConstant && !graph[id].isVariable && !external.contains(id) && (accounting.bytes(id, graph: graph) ?? 0) > 0
        }
        var span: [TensorID: (Int, Int)] = [:]
        for id in materialized {
            let base = roots.root(of: id).base, life = lifetimes[id]!
            let old = span[base] ?? life
            span[base] = (min(old.0, life.0), max(old.1, life.1))
        }
        var requests = orderedRequests(graph: graph, spans: span, calls: kernels.calls, alignment: alignment,
                                       bytes: { accounting.bytes($0, graph: graph)! })
        var requestOf: [TensorID: Int] = [:]
        for request in requests { if let tensor = request.tensor { requestOf[tensor] = request.id } }
        let tensors = materialized.map { id -> TensorPlacement in
            let (base, offset) = roots.root(of: id), life = lifetimes[id]!
            return TensorPlacement(tensor: id, request: requestOf[base]!, byteOffset: offset,
                                   bytes: accounting.bytes(id, graph: graph)!, firstStep: life.0, lastStep: life.1,
                                   viewOf: roots.views[id]?.base)
        }
        addSharingRules(to: &requests, calls: kernels.calls, requestOf: requestOf, roots: roots)
        return RequestSet(requests: requests, tensors: tensors, staticBytes: kernels.calls.reduce(0) { $0 + $1.staticBytes })
    }

    /// One request per root tensor (its bytes, over the span of every view of it) and per
    /// scratch, sorted by first step (tensors before scratch, then by tensor index); ids follow.
    static func orderedRequests(graph: Graph, spans: [TensorID: (Int, Int)], calls: [KernelCall],
                                alignment: Int, bytes: (TensorID) -> Int) -> [BufferRequest] {
        var entries: [(key: (Int, Int, Int), request: BufferRequest)] = []
        for base in spans.keys.sorted() {
            let (first, last) = spans[base]!
            entries.append(((first, 0, base.index), BufferRequest(id: 0, tensor: base, bytes: bytes(base),
                                                                  firstStep: first, lastStep: last, alignment: alignment)))
        }
        for call in calls where call.scratchBytes > 0 {
            entries.append(((call.step, 1, call.node.index),
                            BufferRequest(id: 0, tensor: nil, scratchOf: call.node, bytes: call.scratchBytes,
                                          firstStep: call.step, lastStep: call.step, alignment: alignment)))
        }
        entries.sort { $0.key < $1.key }
        return entries.enumerated().map { index, entry in
            var request = entry.request
            request.id = index
            return request
        }
    }

    /// The rule of every call whose contract lets its output overlap an input. An input that is
    /// a view (a RESHAPE of another tensor) shares its base's request at offset 0; the output is
    /// never a view (Lowering gives slice producers no overlap).
    static func addSharingRules(to requests: inout [BufferRequest], calls: [KernelCall], requestOf: [TensorID: Int],
                                roots: ViewRoots) {
        for call in calls {
            guard let input = call.contract.overlappedInput, let output = call.output else { continue }
            let (base, offset) = roots.root(of: input)
            guard let outRequest = requestOf[output], let inRequest = requestOf[base], offset == 0 else { continue }
            precondition(roots.views[output] == nil, "overlap contract on a view at step \(call.step)")
            precondition(requests[inRequest].lastStep == call.step && requests[outRequest].firstStep == call.step,
                         "contract at step \(call.step) names an input that does not die there")
            let kind: SharingRule.Kind
            switch call.contract {
            case .streaming(_, let gap, _): kind = .gapAtLeast(gap)
            default: kind = .sameOffset
            }
            requests[outRequest].mayShareWith = SharingRule(input: inRequest, step: call.step, kind: kind)
        }
    }

    /// First and last step of every activation the schedule touches: written at its producer's
    /// step (graph inputs at 0), read until the last call reading it (graph outputs until the end).
    static func tensorLifetimes(graph: Graph, schedule: Schedule, kernels: KernelPlan) -> [TensorID: (Int, Int)] {
        let end = max(schedule.steps.count - 1, 0)
        let unmaterialized = kernels.unmaterialized(in: graph)
        var result: [TensorID: (Int, Int)] = [:]
        for input in graph.inputs { result[input] = (0, 0) }
        for call in kernels.calls {
            for output in graph[call.node].outputs where !unmaterialized.contains(output) {
                result[output] = (call.step, max(result[output]?.1 ?? call.step, call.step))
            }
            for input in call.inputs {
                let old = result[input] ?? (call.step, call.step)
                result[input] = (old.0, max(old.1, call.step))
            }
        }
        for output in graph.outputs {
            let old = result[output] ?? (end, end)
            result[output] = (old.0, end)
        }
        return result
    }
}
