import IR
import Scheduling

/// Lower bounds on the arena: no placement can use fewer bytes.
public enum Bounds {
    /// Bytes live at each step counting every activation as its own buffer (no views, folds,
    /// scratch or overlaps): a tensor is live from its producer's step (graph inputs from 0) to
    /// its last reader's (graph outputs to the end), patch stage tensors as `PatchAccounting` counts
    /// them. Graph I/O is left out when `externalIO` (but for streamed inputs' patch buffers).
    public static func plainLiveBytes(graph: Graph, schedule: Schedule, externalIO: Bool) -> [Int] {
        let steps = schedule.steps.count
        guard steps > 0 else { return [] }
        var first: [TensorID: Int] = [:], last: [TensorID: Int] = [:]
        for input in graph.inputs { first[input] = 0; last[input] = 0 }
        for (index, step) in schedule.steps.enumerated() {
            let node = graph[step.node]
            for output in node.outputs { first[output] = index; last[output] = max(last[output] ?? index, index) }
            for case let input? in node.inputs { last[input] = max(last[input] ?? index, index) }
        }
        for output in graph.outputs { last[output] = steps - 1 }
        var lifetimes: [TensorID: (Int, Int)] = [:]
        for (tensor, start) in first { lifetimes[tensor] = (start, last[tensor] ?? start) }
        let accounting = PatchAccounting(schedule)
        accounting.adjust(&lifetimes)
        let external = externalIO ? Set(graph.inputs + graph.outputs).subtracting(accounting.streamedInputs) : []
        var live = Array(repeating: 0, count: steps)
        for (tensor, (start, end)) in lifetimes where !graph[tensor].isConstant && !external.contains(tensor) {
            let bytes = accounting.bytes(tensor, graph: graph) ?? 0
            for s in start...end { live[s] += bytes }
        }
        return live
    }

    /// Bytes that must be occupied at each step under the sharing rules: the live requests'
    /// bytes minus what the step's one contract lets its output and input share.
    static func sharedLiveBytes(requests: [BufferRequest], steps: Int) -> [Int] {
        var live = Array(repeating: 0, count: steps)
        for request in requests {
            for s in request.firstStep...request.lastStep where s < steps { live[s] += request.bytes }
        }
        for request in requests {
            guard let rule = request.mayShareWith, rule.step < steps else { continue }
            let input = requests[rule.input]
            let span = rule.minimumSpan(outBytes: request.bytes, inBytes: input.bytes)
            live[rule.step] -= request.bytes + input.bytes - span
        }
        return live
    }
}
