import IR
import MemoryPlanning
import Testing

/// Annealing's second run (scratch-first starting order): a chain of layers, each with a kernel
/// scratch, where the tensors must stack above the scratch to reach the lower bound.
@Suite struct AnnealingStartTests {
    /// Graph input (136 B) into six layers of 536-byte activations: streaming convs (gaps 72, 12,
    /// 124) and in-place layers, each step with its own scratch. Lowest-fit from any tensor order
    /// puts some scratch above its kernel's output; one annealing run from there ends at 784 B
    /// and no other algorithm does better. With the scratch placed first the chain fits the bound.
    static let layers: [(bytes: Int, rule: SharingRule.Kind, scratch: Int)] = [
        (536, .gapAtLeast(72), 112), (536, .sameOffset, 132), (536, .sameOffset, 56),
        (536, .gapAtLeast(12), 88), (536, .sameOffset, 16), (536, .gapAtLeast(124), 68),
    ]

    static func chain() -> [BufferRequest] {
        var requests = [BufferRequest(id: 0, tensor: nil, bytes: 136, firstStep: 0, lastStep: 0, alignment: 4)]
        var input = 0
        for (step, layer) in layers.enumerated() {
            let id = requests.count
            requests.append(BufferRequest(id: id, tensor: nil, bytes: layer.bytes, firstStep: step, lastStep: step + 1,
                                          alignment: 4, mayShareWith: SharingRule(input: input, step: step, kind: layer.rule)))
            requests.append(BufferRequest(id: id + 1, tensor: nil, scratchOf: NodeID(step), bytes: layer.scratch,
                                          firstStep: step, lastStep: step, alignment: 4))
            input = id
        }
        return requests
    }

    @Test func scratchFirstRunReachesTheLowerBound() {
        let requests = Self.chain()
        let plan = MemoryPlanning.place(requests, steps: Self.layers.count + 1, planner: .annealing)
        #expect(plan.verify() == [])
        #expect(plan.lowerBound == 728)
        #expect(plan.arenaBytes == 728)
        #expect(plan.provenOptimal)
        #expect(MemoryPlanning.place(requests, steps: Self.layers.count + 1).arenaBytes == 728)
    }
}
