import MemoryPlanning
import Testing

/// Exact arenas for small hand-made request sets, for every algorithm.
@Suite struct HandMadePlanTests {
    static func request(_ id: Int, _ bytes: Int, _ first: Int, _ last: Int, alignment: Int = 4,
                        shares rule: SharingRule? = nil) -> BufferRequest {
        BufferRequest(id: id, tensor: nil, bytes: bytes, firstStep: first, lastStep: last, alignment: alignment,
                      mayShareWith: rule)
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var requests: [BufferRequest]
        var steps: Int
        /// The optimum (what the default and branch and bound reach).
        var arena: Int
        var lowerBound: Int
        /// What largest-first placement reaches.
        var greedyBySize: Int
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "chain without sharing", requests: [request(0, 100, 0, 1), request(1, 50, 1, 2), request(2, 100, 2, 3)],
             steps: 4, arena: 150, lowerBound: 150, greedyBySize: 150),
        Case(name: "streaming pair", requests: [request(0, 60, 0, 1),
                                                request(1, 100, 1, 2, shares: SharingRule(input: 0, step: 1, kind: .gapAtLeast(52)))],
             steps: 3, arena: 112, lowerBound: 112, greedyBySize: 112),
        Case(name: "narrowing pair shares the start", requests: [request(0, 100, 0, 1),
                                                                 request(1, 40, 1, 2, shares: SharingRule(input: 0, step: 1, kind: .gapAtLeast(8)))],
             steps: 3, arena: 108, lowerBound: 108, greedyBySize: 140),
        Case(name: "in place with scratch", requests: [request(0, 80, 0, 1),
                                                       request(1, 80, 1, 2, shares: SharingRule(input: 0, step: 1, kind: .sameOffset)),
                                                       request(2, 20, 1, 1)],
             steps: 3, arena: 100, lowerBound: 100, greedyBySize: 100),
        Case(name: "alignment pads", requests: [request(0, 5, 0, 0), request(1, 5, 0, 0)], steps: 1, arena: 13, lowerBound: 10, greedyBySize: 13),
        Case(name: "gap wider than the output means disjoint", requests: [request(0, 12, 0, 1),
                                                                          request(1, 12, 1, 1, shares: SharingRule(input: 0, step: 1, kind: .gapAtLeast(50)))],
             steps: 2, arena: 24, lowerBound: 24, greedyBySize: 24),
        Case(name: "two-step reuse", requests: [request(0, 64, 0, 0), request(1, 64, 0, 1), request(2, 64, 1, 1)],
             steps: 2, arena: 128, lowerBound: 128, greedyBySize: 128),
    ]

    @Test(arguments: cases)
    func exactArena(_ c: Case) {
        let best = MemoryPlanning.place(c.requests, steps: c.steps)
        #expect(best.verify() == [])
        #expect(best.arenaBytes == c.arena)
        #expect(best.lowerBound == c.lowerBound)
        #expect(MemoryPlanning.place(c.requests, steps: c.steps, planner: .branchAndBound).arenaBytes == c.arena)
        #expect(MemoryPlanning.place(c.requests, steps: c.steps, planner: .greedyBySize).arenaBytes == c.greedyBySize)
        for planner in Planner.allCases {
            let plan = MemoryPlanning.place(c.requests, steps: c.steps, planner: planner)
            #expect(plan.verify() == [] && plan.arenaBytes >= c.arena, "\(planner)")
        }
    }

    /// Largest-first (TFLM's order) leaves a hole here; the searches close it.
    @Test func searchesBeatGreedyBySize() {
        let requests = [Self.request(0, 40, 0, 1, alignment: 1), Self.request(1, 30, 1, 3, alignment: 1),
                        Self.request(2, 50, 2, 2, alignment: 1), Self.request(3, 30, 0, 0, alignment: 1),
                        Self.request(4, 40, 3, 4, alignment: 1), Self.request(5, 10, 4, 4, alignment: 1)]
        let greedy = MemoryPlanning.place(requests, steps: 5, planner: .greedyBySize)
        let exact = MemoryPlanning.place(requests, steps: 5, planner: .branchAndBound)
        #expect(exact.provenOptimal)
        #expect(exact.arenaBytes == ExhaustivePlacement.optimum(requests))
        #expect(exact.arenaBytes <= greedy.arenaBytes)
        #expect(MemoryPlanning.place(requests, steps: 5, planner: .annealing).arenaBytes == exact.arenaBytes)
    }

    @Test func verifyCatchesOverlapsAndMisalignment() {
        let requests = [Self.request(0, 10, 0, 1), Self.request(1, 10, 1, 1)]
        var plan = MemoryPlanning.place(requests, steps: 2)
        plan.offsets = [0, 5]
        plan.arenaBytes = 15
        #expect(plan.verify().count == 3)
        #expect(plan.verify().contains { $0.contains("below the lower bound") })
        #expect(plan.verify().contains { $0.contains("overlap") })
        #expect(plan.verify().contains { $0.contains("not aligned") })
    }
}
