/// The placement algorithms. Each is a pure, deterministic function from the requests to one
/// offset per request; `MemoryPlanning.plan` runs all of them by default and keeps the smallest.
public enum Planner: String, Sendable, Hashable, CaseIterable {
    /// TFLM-like baseline: largest buffer first, each at its lowest fit.
    case greedyBySize = "greedy-by-size"
    /// Buffers that are live alongside the most bytes first (ties: larger first), lowest fit.
    case greedyByConflicts = "greedy-by-conflicts"
    /// TFLite's "greedy by breadth": steps in decreasing order of live bytes, and within a step
    /// its unplaced buffers largest first, lowest fit.
    case greedyByBreadth = "greedy-by-breadth"
    /// Exact depth-first branch and bound over offsets (see `BranchAndBound`); proves optimality
    /// when it finishes within its node budget (small graphs), else returns the best found.
    case branchAndBound = "branch-and-bound"
    /// Simulated annealing over placement orders with a fixed seed and iteration count.
    case annealing

    /// What a placement algorithm returns.
    struct Result {
        var offsets: [Int]
        var arena: Int
        /// True when the algorithm proved no smaller arena exists.
        var provenOptimal: Bool
    }

    /// Places the buffers of `problem`; `lowerBound` lets searches stop early.
    func place(_ problem: PlacementProblem, lowerBound: Int) -> Result {
        switch self {
        case .greedyBySize, .greedyByConflicts, .greedyByBreadth:
            let (offsets, arena) = problem.firstFit(order: greedyOrder(problem))
            return Result(offsets: offsets, arena: arena, provenOptimal: arena <= lowerBound)
        case .branchAndBound:
            return BranchAndBound.search(problem, incumbent: Planner.bestGreedy(problem), lowerBound: lowerBound)
        case .annealing:
            return Annealing.search(problem, starts: Planner.startingOrders(problem), lowerBound: lowerBound)
        }
    }

    /// The order a greedy variant places buffers in (every index once).
    func greedyOrder(_ p: PlacementProblem) -> [Int] {
        let ids = Array(0..<p.count)
        switch self {
        case .greedyByConflicts:
            let pressure = ids.map { i in p.neighbors[i].reduce(p.sizes[i]) { $0 + p.sizes[$1.other] } }
            return ids.sorted { (pressure[$0], p.sizes[$0], -$0) > (pressure[$1], p.sizes[$1], -$1) }
        case .greedyByBreadth:
            return breadthOrder(p)
        default:
            return ids.sorted { (p.sizes[$0], -p.firstSteps[$0], -$0) > (p.sizes[$1], -p.firstSteps[$1], -$1) }
        }
    }

    /// Steps by decreasing live bytes; each step's unplaced buffers by decreasing size.
    func breadthOrder(_ p: PlacementProblem) -> [Int] {
        let steps = (p.lastSteps.max() ?? -1) + 1
        var live = Array(repeating: [Int](), count: steps)
        for i in 0..<p.count { for s in p.firstSteps[i]...p.lastSteps[i] { live[s].append(i) } }
        let totals = live.map { $0.reduce(0) { $0 + p.sizes[$1] } }
        var placed = Array(repeating: false, count: p.count)
        var order: [Int] = []
        for s in (0..<steps).sorted(by: { (totals[$0], -$0) > (totals[$1], -$1) }) {
            for i in live[s].sorted(by: { (p.sizes[$0], -$0) > (p.sizes[$1], -$1) }) where !placed[i] {
                placed[i] = true
                order.append(i)
            }
        }
        return order
    }

    /// Where annealing starts its runs: the best of the greedy orders and the two time orders
    /// (latest-dying first, which stacks each kernel's input above its already placed output,
    /// and earliest-born first); then the best of the same orders with every scratch buffer moved
    /// to the front (kept in its order). Scratch placed first settles at the bottom of the arena
    /// and the long-lived tensors stack above it, which lowest-fit from the tensors' orders
    /// rarely finds: there a kernel's scratch lands above its output. Without scratch, or when
    /// both are the same order, the second run anneals the same start with another seed.
    static func startingOrders(_ p: PlacementProblem) -> [[Int]] {
        let orders = baseOrders(p)
        let scratchFirst = orders.map { order in order.filter { p.isScratch[$0] } + order.filter { !p.isScratch[$0] } }
        return [best(orders, p), best(scratchFirst, p)]
    }

    /// The greedy orders, then latest-dying first and earliest-born first.
    static func baseOrders(_ p: PlacementProblem) -> [[Int]] {
        let ids = Array(0..<p.count)
        let backward = ids.sorted { (p.lastSteps[$0], p.firstSteps[$0], p.sizes[$0], $0) > (p.lastSteps[$1], p.firstSteps[$1], p.sizes[$1], $1) }
        let forward = ids.sorted { (p.firstSteps[$0], -p.sizes[$0], $0) < (p.firstSteps[$1], -p.sizes[$1], $1) }
        return [Planner.greedyBySize, .greedyByConflicts, .greedyByBreadth].map { $0.greedyOrder(p) } + [backward, forward]
    }

    /// The order of `orders` with the smallest lowest-fit arena (ties: the first).
    static func best(_ orders: [[Int]], _ p: PlacementProblem) -> [Int] {
        orders.min { p.firstFit(order: $0).arena < p.firstFit(order: $1).arena }!
    }

    /// The smallest of the greedy placements (ties: the first in `allCases` order).
    static func bestGreedy(_ p: PlacementProblem) -> (offsets: [Int], arena: Int) {
        let greedy: [Planner] = [.greedyBySize, .greedyByConflicts, .greedyByBreadth]
        return greedy.map { p.firstFit(order: $0.greedyOrder(p)) }.min { $0.arena < $1.arena }!
    }
}
