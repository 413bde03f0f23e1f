@testable import MemoryPlanning
import Testing

/// Splitting a plan over memory regions, for every algorithm: valid plans, regions in the order
/// given with their buffers inside, capacities honoured whenever the buffers allow, the one arena
/// kept in the first region when it fits there.
@Suite struct RegionSplitTests {
    static let regions = [RegionSpec(name: "FAST", capacity: 1_000), RegionSpec(name: "SLOW", capacity: 100_000)]

    static func split(_ requests: [BufferRequest], steps: Int, planner: Planner?) -> MemoryPlan {
        let whole = MemoryPlanning.place(requests, steps: steps, planner: planner)
        let heat = requests.map { Double($0.bytes) * Double(1 + $0.id % 3) }
        return RegionSplit.split(whole, regions: regions, heat: heat, steps: steps, planner: planner)
    }

    @Test(arguments: [Planner?.none] + Planner.allCases.map(Optional.some))
    func randomRequestSetsSplitIntoValidPlans(_ planner: Planner?) {
        for seed in UInt64(0)..<15 {
            let (requests, steps) = RandomRequests.make(seed: seed)
            let plan = Self.split(requests, steps: steps, planner: planner)
            #expect(plan.verify().isEmpty, "seed \(seed): \(plan.verify().prefix(2))")
            let whole = MemoryPlanning.place(requests, steps: steps, planner: planner)
            if whole.arenaBytes <= Self.regions[0].capacity {
                #expect(plan.regions.compactMap(\.name) == ["FAST"] && plan.offsets == whole.offsets, "seed \(seed)")
            } else {
                #expect(plan.regions.compactMap(\.name).allSatisfy { $0 == "FAST" || $0 == "SLOW" })
                #expect(plan.regions.first!.bytes <= Self.regions[0].capacity || plan.regions.first!.name == "SLOW",
                        "seed \(seed): the fast region got \(plan.regions.first!.bytes) bytes")
                #expect(plan.arenaArrayBytes == plan.regions.reduce(0) { $0 + $1.bytes })
            }
        }
    }

    @Test func theBusiestBytesGoToTheFastRegion() {
        // Three buffers live together: 800 hot bytes, 700 and 600 cold ones; 1,000 fast bytes hold
        // only one of them, and it must be the hot one.
        let requests = [BufferRequest(id: 0, tensor: nil, bytes: 800, firstStep: 0, lastStep: 1, alignment: 4),
                        BufferRequest(id: 1, tensor: nil, bytes: 700, firstStep: 0, lastStep: 1, alignment: 4),
                        BufferRequest(id: 2, tensor: nil, bytes: 600, firstStep: 0, lastStep: 1, alignment: 4)]
        let whole = MemoryPlanning.place(requests, steps: 2)
        let plan = RegionSplit.split(whole, regions: Self.regions, heat: [8_000, 700, 600], steps: 2, planner: nil)
        #expect(plan.verify().isEmpty)
        #expect(plan.regions.compactMap(\.name) == ["FAST", "SLOW"])
        #expect(plan.regionIndex(of: plan.offsets[0]) == 0 && plan.regions[0].bytes == 800)
        #expect(plan.regions[1].bytes == 1_300 && plan.regions[1].base == 800)
    }

    @Test func aBufferNoRegionHoldsOverflowsTheLastRegion() {
        let requests = [BufferRequest(id: 0, tensor: nil, bytes: 200_000, firstStep: 0, lastStep: 0, alignment: 4)]
        let plan = RegionSplit.split(MemoryPlanning.place(requests, steps: 1), regions: Self.regions, heat: [1],
                                     steps: 1, planner: nil)
        #expect(plan.verify().isEmpty)
        #expect(plan.regions.compactMap(\.name) == ["SLOW"] && plan.regions[0].bytes == 200_000)
    }
}
