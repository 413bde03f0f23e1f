/// Spreads a plan over several memory regions when the fastest cannot hold the whole arena.
///
/// Two assignments of buffers to regions (fastest first) are tried:
/// - by heat: each region in turn takes, in order of decreasing heat (accesses per byte), every
///   buffer that still fits at its lowest offset among those it took; the last takes the rest;
/// - by cut: each region takes the buffers the one-arena placement of the rest puts wholly below
///   its capacity (a horizontal cut of the plan, which keeps its packing).
/// Each region's buffers are then placed again with every algorithm (sharing rules kept between
/// buffers of the same region) and the regions laid end to end in one virtual arena
/// (`ArenaRegion`). The assignment that overflows its regions least wins, then the one with the
/// most heat in the fastest region (then the next).
enum RegionSplit {
    /// `plan` (every request in one arena) over `regions` (fastest first, at least one).
    /// `heat[i]` is the accesses per inference of request `i`.
    ///
    /// Out: a verified plan whose `regions` are the regions used, in the order given. When the whole
    /// arena fits the first region, the plan is unchanged and lives there.
    static func split(_ plan: MemoryPlan, regions: [RegionSpec], heat: [Double], steps: Int,
                      planner: Planner?) -> MemoryPlan {
        precondition(!regions.isEmpty && heat.count == plan.requests.count, "regions and heat must be given")
        var result = plan
        if plan.arenaBytes <= regions[0].capacity || regions.count == 1 {
            result.regions = [ArenaRegion(name: regions[0].name, base: 0, bytes: plan.arenaBytes, capacity: regions[0].capacity)]
            return result
        }
        let assignments = [byHeat(plan, regions: regions, heat: heat, steps: steps), byCut(plan, regions: regions, steps: steps)]
        let plans = assignments.map { layOut(plan, regions: regions, regionOf: $0, steps: steps, planner: planner) }
        let scores = zip(plans, assignments).map { score($0, regionOf: $1, heat: heat, regions: regions) }
        return plans[scores.indices.min { better(scores[$0], than: scores[$1]) }!]
    }

    /// Bytes over capacity summed over the regions, and the heat placed in each region in order.
    static func score(_ plan: MemoryPlan, regionOf: [Int], heat: [Double], regions: [RegionSpec]) -> (Int, [Double]) {
        let overflow = plan.regions.reduce(0) { $0 + max(0, $1.bytes - ($1.capacity ?? $1.bytes)) }
        var perRegion = Array(repeating: 0.0, count: regions.count)
        for (id, r) in regionOf.enumerated() { perRegion[r] += heat[id] }
        return (overflow, perRegion)
    }

    /// Less overflow, then more heat in the fastest region, then the next...
    static func better(_ a: (Int, [Double]), than b: (Int, [Double])) -> Bool {
        if a.0 != b.0 { return a.0 < b.0 }
        for (x, y) in zip(a.1, b.1) where x != y { return x > y }
        return false
    }

    /// Region of every request, by heat (see the type's documentation).
    static func byHeat(_ plan: MemoryPlan, regions: [RegionSpec], heat: [Double], steps: Int) -> [Int] {
        let order = plan.requests.indices.sorted {
            (heat[$0] / Double(plan.requests[$0].bytes), -$0) > (heat[$1] / Double(plan.requests[$1].bytes), -$1)
        }
        var regionOf = Array(repeating: regions.count - 1, count: plan.requests.count)
        var unassigned = order
        for r in regions.indices.dropLast() {
            let taken = take(unassigned, from: plan.requests, capacity: regions[r].capacity, steps: steps)
            for id in taken { regionOf[id] = r }
            unassigned.removeAll { taken.contains($0) }
        }
        return regionOf
    }

    /// Region of every request, by cutting the one-arena placement (see the type's documentation).
    static func byCut(_ plan: MemoryPlan, regions: [RegionSpec], steps: Int) -> [Int] {
        var regionOf = Array(repeating: regions.count - 1, count: plan.requests.count)
        var remaining = Array(plan.requests.indices)
        var offsets = plan.offsets
        for r in regions.indices.dropLast() {
            let taken = remaining.filter { offsets[$0] + plan.requests[$0].bytes <= regions[r].capacity }
            for id in taken { regionOf[id] = r }
            remaining.removeAll { regionOf[$0] == r }
            guard !remaining.isEmpty, r + 1 < regions.count - 1 else { break }
            let placed = MemoryPlanning.place(subRequests(plan.requests, ids: remaining), steps: steps)
            for (index, id) in remaining.enumerated() { offsets[id] = placed.offsets[index] }
        }
        return regionOf
    }

    /// `requests[ids]` renumbered `0..<ids.count`, keeping the sharing rules between them.
    static func subRequests(_ requests: [BufferRequest], ids: [Int]) -> [BufferRequest] {
        let local = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        return ids.enumerated().map { index, id in
            var request = requests[id]
            request.id = index
            request.mayShareWith = request.mayShareWith.flatMap { rule in
                local[rule.input].map { SharingRule(input: $0, step: rule.step, kind: rule.kind) }
            }
            return request
        }
    }

    /// The requests of `candidates` (in that order) one region of `capacity` bytes takes: each at
    /// its lowest fit among those already taken, kept when it ends within the capacity; then,
    /// once the taken ones are packed with every algorithm, the rest again in the room that frees.
    static func take(_ candidates: [Int], from requests: [BufferRequest], capacity: Int, steps: Int) -> Set<Int> {
        let unshared = requests.map { var r = $0; r.mayShareWith = nil; return r }
        let problem = PlacementProblem(requests: unshared)
        var offsets = Array(repeating: -1, count: requests.count)
        var taken = Set<Int>()
        func offer(_ ids: [Int]) {
            for id in ids where !taken.contains(id) && requests[id].bytes <= capacity {
                let offset = problem.lowestFit(id, offsets: offsets)
                if offset + requests[id].bytes <= capacity {
                    offsets[id] = offset
                    taken.insert(id)
                }
            }
        }
        offer(candidates)
        let packed = taken.sorted()
        let compact = MemoryPlanning.place(packed.enumerated().map { var r = unshared[$0.element]; r.id = $0.offset; return r },
                                           steps: steps)
        offsets = Array(repeating: -1, count: requests.count)
        for (index, id) in packed.enumerated() { offsets[id] = compact.offsets[index] }
        offer(candidates)
        return taken
    }

    /// Places each region's requests on their own and lays the used regions end to end.
    static func layOut(_ plan: MemoryPlan, regions: [RegionSpec], regionOf: [Int], steps: Int,
                       planner: Planner?) -> MemoryPlan {
        var result = plan
        var offsets = plan.offsets
        var parts: [ArenaRegion] = []
        var base = 0
        for r in regions.indices {
            let ids = plan.requests.indices.filter { regionOf[$0] == r }
            guard !ids.isEmpty else { continue }
            let placed = MemoryPlanning.place(subRequests(plan.requests, ids: ids), steps: steps, planner: planner)
            for (index, id) in ids.enumerated() { offsets[id] = base + placed.offsets[index] }
            parts.append(ArenaRegion(name: regions[r].name, base: base, bytes: placed.arenaBytes, capacity: regions[r].capacity))
            base = (base + placed.arenaBytes + MemoryPlan.regionAlignment - 1) / MemoryPlan.regionAlignment
                * MemoryPlan.regionAlignment
        }
        result.offsets = offsets
        result.regions = parts
        result.arenaBytes = parts.last.map { $0.base + $0.bytes } ?? 0
        result.provenOptimal = false
        return result
    }
}
