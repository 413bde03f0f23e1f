import MemoryPlanning
import Testing

/// Properties every placement algorithm must have, on seeded random request sets.
@Suite struct PlannerPropertyTests {
    static let seeds: [UInt64] = Array(1...25)

    @Test(arguments: Planner.allCases)
    func plansAreValidAlignedAndNeverBelowTheBound(planner: Planner) {
        for seed in Self.seeds {
            let (requests, steps) = RandomRequests.make(seed: seed)
            let plan = MemoryPlanning.place(requests, steps: steps, planner: planner)
            #expect(plan.verify() == [], "seed \(seed)")
            #expect(plan.arenaBytes >= plan.lowerBound, "seed \(seed)")
            #expect(plan.lowerBound <= plan.livenessBound, "seed \(seed)")
            for r in requests { #expect(plan.offsets[r.id] % r.alignment == 0, "seed \(seed)") }
            #expect(plan.arenaBytes == requests.map { plan.offsets[$0.id] + $0.bytes }.max() ?? 0)
        }
    }

    @Test(arguments: Planner.allCases)
    func repeatedRunsGiveTheSamePlan(planner: Planner) {
        for seed in Self.seeds.prefix(10) {
            let (requests, steps) = RandomRequests.make(seed: seed)
            let first = MemoryPlanning.place(requests, steps: steps, planner: planner)
            let second = MemoryPlanning.place(requests, steps: steps, planner: planner)
            #expect(first.offsets == second.offsets && first.arenaBytes == second.arenaBytes, "seed \(seed)")
        }
    }

    /// Overlaps that a rule allows are used: with a generous rule the pair shares bytes.
    @Test(arguments: Planner.allCases)
    func everyPlannerUsesAStreamingRule(planner: Planner) {
        let requests = [
            BufferRequest(id: 0, tensor: nil, bytes: 100, firstStep: 0, lastStep: 1, alignment: 4),
            BufferRequest(id: 1, tensor: nil, bytes: 200, firstStep: 1, lastStep: 2, alignment: 4,
                          mayShareWith: SharingRule(input: 0, step: 1, kind: .gapAtLeast(100))),
        ]
        let plan = MemoryPlanning.place(requests, steps: 3, planner: planner)
        #expect(plan.arenaBytes == 200)
        #expect(plan.offsets[0] - plan.offsets[1] >= 100)
    }

    /// The default keeps the smallest arena of all algorithms.
    @Test func defaultIsTheBestCandidate() {
        for seed in Self.seeds.prefix(10) {
            let (requests, steps) = RandomRequests.make(seed: seed)
            let plan = MemoryPlanning.place(requests, steps: steps)
            #expect(plan.candidates.map(\.planner) == Planner.allCases)
            #expect(plan.arenaBytes == plan.candidates.map(\.arenaBytes).min())
        }
    }

    /// Branch and bound equals an exhaustive search over every offset on tiny problems.
    @Test func branchAndBoundIsOptimalOnTinyProblems() {
        for seed in UInt64(100)..<UInt64(125) {
            var (requests, steps) = RandomRequests.make(seed: seed, maxBuffers: 4, maxBytes: 6)
            for i in requests.indices { requests[i].alignment = 1 }
            let plan = MemoryPlanning.place(requests, steps: steps, planner: .branchAndBound)
            #expect(plan.provenOptimal, "seed \(seed)")
            #expect(plan.arenaBytes == ExhaustivePlacement.optimum(requests), "seed \(seed)")
        }
    }
}
