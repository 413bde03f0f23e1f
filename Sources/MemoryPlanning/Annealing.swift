/// Simulated annealing over placement orders: each order is evaluated by lowest-fit placement
/// (`PlacementProblem.firstFit`); moves swap two buffers or move one to another position.
/// One run per starting order, each with its own seed, a run only while the best arena so far is
/// above the lower bound (one cooling schedule can freeze in a local minimum another start or
/// seed escapes); the smallest arena wins, ties to the earlier run. Fixed seeds and iteration
/// counts, so the result is the same on every run.
enum Annealing {
    /// Moves tried per run: 300 per buffer, between 1,000 and 6,000.
    static func iterations(buffers: Int) -> Int { min(6_000, max(1_000, 300 * buffers)) }
    /// The seed of each run, in run order.
    static let seeds: [UInt64] = [0x6D63_7563_706C_616E, 0x6D63_7563_726E_6432]

    /// Anneals from each of `starts` (at most `seeds.count`, every one a permutation of the buffers).
    static func search(_ p: PlacementProblem, starts: [[Int]], lowerBound: Int) -> Planner.Result {
        precondition(!starts.isEmpty && starts.count <= seeds.count, "one seed per starting order")
        var best = p.firstFit(order: starts[0])
        guard p.count > 1 else { return Planner.Result(offsets: best.offsets, arena: best.arena, provenOptimal: true) }
        for (start, seed) in zip(starts, seeds) where best.arena > lowerBound {
            let result = run(p, start: start, lowerBound: lowerBound, seed: seed)
            if result.arena < best.arena { best = result }
        }
        return Planner.Result(offsets: best.offsets, arena: best.arena, provenOptimal: best.arena <= lowerBound)
    }

    /// One run from `start`: the best placement it visits (stops early at `lowerBound`).
    static func run(_ p: PlacementProblem, start: [Int], lowerBound: Int, seed: UInt64) -> (offsets: [Int], arena: Int) {
        var rng = SplitMix64(seed: seed)
        var order = start
        var current = p.firstFit(order: order)
        var best = current
        var temperature = max(1.0, Double(current.arena) * 0.02)
        // Cools geometrically to 1/1000 of the start: factor = exp(ln(0.001) / iterations).
        let iterations = Self.iterations(buffers: p.count)
        let cooling = expNegative(-6.907755278982137 / Double(iterations))
        for _ in 0..<iterations where best.arena > lowerBound {
            temperature *= cooling
            var candidate = order
            mutate(&candidate, rng: &rng)
            let result = p.firstFit(order: candidate)
            let delta = Double(result.arena - current.arena)
            if delta <= 0 || rng.nextUnit() < expNegative(-delta / temperature) {
                order = candidate
                current = result
                if result.arena < best.arena { best = result }
            }
        }
        return best
    }

    /// `e^x` for `x <= 0` in plain IEEE arithmetic (no libm, so every platform gets the same bits):
    /// halve `x` until it is small, sum the Taylor series, square back.
    static func expNegative(_ x: Double) -> Double {
        guard x > -700 else { return 0 }
        var reduced = x
        var squarings = 0
        while reduced < -0.5 {
            reduced /= 2
            squarings += 1
        }
        var term = 1.0, sum = 1.0
        for k in 1...20 {
            term *= reduced / Double(k)
            sum += term
        }
        for _ in 0..<squarings { sum *= sum }
        return sum
    }

    static func mutate(_ order: inout [Int], rng: inout SplitMix64) {
        let i = rng.next(below: order.count)
        var j = rng.next(below: order.count - 1)
        if j >= i { j += 1 }
        if rng.next(below: 2) == 0 {
            order.swapAt(i, j)
        } else {
            let moved = order.remove(at: i)
            order.insert(moved, at: j)
        }
    }
}

/// A small deterministic random generator (SplitMix64), so plans never depend on the platform.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
