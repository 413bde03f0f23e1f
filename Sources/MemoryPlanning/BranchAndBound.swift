/// Exact placement by depth-first branch and bound.
///
/// Buffers are placed in non-decreasing offset order. Every placement can be pushed down until
/// each buffer rests on the floor or on a co-live buffer below it (moving buffers down never
/// grows the arena), so some optimal placement has every offset in the candidate set of the
/// buffers below it: 0, `end(j)`, `offset(j) + gap` (when it is `j`'s input) or `offset(j)`,
/// rounded up to its alignment. The search branches over (buffer, candidate) pairs, keeps only
/// placements that fit, and prunes a branch once it cannot beat the incumbent: every unplaced
/// buffer lies above the last offset, so the arena is at least that offset plus the bytes the
/// unplaced buffers need at their busiest step.
enum BranchAndBound {
    /// Feasibility checks before giving up on proving optimality: generous for the small graphs
    /// it can prove, small beyond (where `Planner.annealing` does the searching).
    static func nodeBudget(buffers: Int) -> Int { buffers <= 8 ? 200_000 : buffers <= 16 ? 40_000 : 20_000 }

    static func search(_ p: PlacementProblem, incumbent: (offsets: [Int], arena: Int), lowerBound: Int) -> Planner.Result {
        guard incumbent.arena > lowerBound, p.count > 0 else {
            return Planner.Result(offsets: incumbent.offsets, arena: incumbent.arena, provenOptimal: true)
        }
        var state = State(problem: p, bestOffsets: incumbent.offsets, best: incumbent.arena, lowerBound: lowerBound)
        var offsets = Array(repeating: -1, count: p.count)
        state.descend(offsets: &offsets, placed: 0, floor: 0, arena: 0)
        let proven = state.nodes < state.budget || state.best <= lowerBound
        return Planner.Result(offsets: state.bestOffsets, arena: state.best, provenOptimal: proven)
    }

    struct State {
        let problem: PlacementProblem
        var bestOffsets: [Int]
        var best: Int
        let lowerBound: Int
        let budget: Int
        var nodes = 0
        /// Buffers live at each step, and the (output, input, bytes saved) of the step's rule.
        let liveAt: [[Int]]
        let savingAt: [(out: Int, input: Int, bytes: Int)?]

        init(problem p: PlacementProblem, bestOffsets: [Int], best: Int, lowerBound: Int) {
            self.problem = p
            self.bestOffsets = bestOffsets
            self.best = best
            self.lowerBound = lowerBound
            budget = BranchAndBound.nodeBudget(buffers: p.count)
            let steps = (p.lastSteps.max() ?? -1) + 1
            var live = Array(repeating: [Int](), count: steps)
            var saving: [(out: Int, input: Int, bytes: Int)?] = Array(repeating: nil, count: steps)
            for i in 0..<p.count {
                for s in p.firstSteps[i]...p.lastSteps[i] { live[s].append(i) }
                for n in p.neighbors[i] {
                    let bytes: Int
                    switch n.relation {
                    case .outputOf(let gap): bytes = p.sizes[i] + p.sizes[n.other] - min(p.sizes[i] + p.sizes[n.other],
                                                                                     max(p.sizes[i], gap + p.sizes[n.other]))
                    case .sameOffset where p.firstSteps[i] >= p.firstSteps[n.other]: bytes = min(p.sizes[i], p.sizes[n.other])
                    default: continue
                    }
                    saving[p.firstSteps[i]] = (i, n.other, bytes)
                }
            }
            liveAt = live
            savingAt = saving
        }

        var done: Bool { nodes >= budget || best <= lowerBound }

        /// Bytes the unplaced buffers need together at their busiest step.
        func unplacedPeak(_ offsets: [Int]) -> Int {
            var peak = 0
            for (s, live) in liveAt.enumerated() {
                var bytes = 0
                for i in live where offsets[i] < 0 { bytes += problem.sizes[i] }
                if let rule = savingAt[s], offsets[rule.out] < 0, offsets[rule.input] < 0 { bytes -= rule.bytes }
                peak = max(peak, bytes)
            }
            return peak
        }

        mutating func descend(offsets: inout [Int], placed: Int, floor: Int, arena: Int) {
            let p = problem
            if placed == p.count {
                if arena < best { best = arena; bestOffsets = offsets }
                return
            }
            if max(arena, floor + unplacedPeak(offsets)) >= best { return }
            var points: [Int] = []
            for i in 0..<p.count where offsets[i] < 0 {
                candidates(for: i, offsets: offsets, floor: floor, into: &points)
                for offset in points {
                    if done { return }
                    nodes += 1
                    let newArena = max(arena, offset + p.sizes[i])
                    guard newArena < best, p.fits(i, at: offset, offsets: offsets) else { continue }
                    offsets[i] = offset
                    descend(offsets: &offsets, placed: placed + 1, floor: offset, arena: newArena)
                    offsets[i] = -1
                }
            }
        }

        /// Aligned candidate offsets `>= floor` for `i`, ascending, without duplicates.
        func candidates(for i: Int, offsets: [Int], floor: Int, into points: inout [Int]) {
            let p = problem
            points.removeAll(keepingCapacity: true)
            func add(_ value: Int) { points.append(PlacementProblem.alignUp(max(value, floor), p.alignments[i])) }
            add(0)
            for n in p.neighbors[i] where offsets[n.other] >= 0 {
                let other = offsets[n.other]
                add(other + p.sizes[n.other])
                add(other)
                if case .inputOf(let gap) = n.relation { add(other + gap) }
            }
            points.sort()
            var unique = 0
            for k in points.indices where k == 0 || points[k] != points[unique - 1] {
                points[unique] = points[k]
                unique += 1
            }
            points.removeLast(points.count - unique)
        }
    }
}
