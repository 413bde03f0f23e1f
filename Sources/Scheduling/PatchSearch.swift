import IR

/// What `--patch auto` (or `fit`) looks for.
public enum PatchGoal: Sendable, Hashable {
    /// The smallest peak within the MAC-overhead limit.
    case smallestPeak
    /// The least MAC overhead whose peak fits `budget` bytes (layer-based when it already fits;
    /// the smallest peak when nothing fits).
    case fit(budget: Int)
}

/// Options of the search.
public struct PatchSearchOptions: Sendable, Hashable {
    public var goal: PatchGoal
    /// Largest MAC overhead allowed (a fraction: 0.2 = 20% more MACs than layer-based).
    public var maxMACOverhead: Double
    public var inputStreaming: Bool
    /// Largest grid side tried (the grid is also at most the stage output's size).
    public var maxGridSide: Int
    /// How many of the best estimates the placement algorithms place before choosing.
    public var placements: Int

    public init(goal: PatchGoal = .smallestPeak, maxMACOverhead: Double = 0.2, inputStreaming: Bool = false,
                maxGridSide: Int = 16, placements: Int = 6) {
        self.goal = goal
        self.maxMACOverhead = maxMACOverhead
        self.inputStreaming = inputStreaming
        self.maxGridSide = maxGridSide
        self.placements = placements
    }
}

/// Why the search chose what it chose.
public enum PatchVerdict: Sendable, Hashable {
    /// No split and grid applies to this graph.
    case noCandidates
    /// Every candidate exceeds the MAC-overhead limit.
    case overheadTooHigh(limit: Double)
    /// The layer-based arena is no larger than the best placed candidate (`best`).
    case layerBasedWins(best: PatchCandidate)
    /// `.smallestPeak`: the chosen candidate has the smallest placed peak within `limit`.
    case smallestPeak(PatchCandidate, limit: Double)
    /// `.fit`: layer-based already fits `budget`.
    case layerBasedFits(budget: Int)
    /// `.fit`: the chosen candidate is the least overhead that fits `budget`.
    case leastOverheadThatFits(PatchCandidate, budget: Int)
    /// `.fit`: nothing fits `budget`; `fallback` is the smallest-peak verdict.
    indirect case nothingFits(budget: Int, fallback: PatchVerdict)
}

/// The search's answer: the chosen plan (nil: layer by layer), why, and everything considered.
public struct PatchSearchResult: Sendable {
    public var chosen: PatchPlan?
    public var verdict: PatchVerdict
    /// Every candidate considered, in enumeration order (split, then rows, then columns).
    public var candidates: [PatchCandidate]
    /// The placed arena of the layer-based schedule.
    public var layerPeak: Int
}

/// Searches split points and grids for the patch stage. Scheduling cannot see kernels or memory,
/// so the caller supplies the costs: `estimate` (a fast lower bound of the arena for a schedule)
/// and `place` (the arena the placement algorithms reach).
public enum PatchSearch {
    public typealias Cost = (Schedule) -> Int

    /// Every (split, grid) of `splits` with grid sides up to `options.maxGridSide`, estimated; the
    /// best few placed; the winner per `options.goal`. Never returns a plan whose placed arena is
    /// larger than the layer-based one.
    public static func search(_ graph: Graph, splits: PatchSplits, options: PatchSearchOptions,
                              estimate: Cost, place: Cost) -> PatchSearchResult {
        let layerPeak = place(Scheduling.schedule(graph))
        var plans: [PatchPlan] = [], candidates: [PatchCandidate] = []
        let total = graph.totalMACs
        for split in splits.splits {
            let shape = graph[split.output].shape
            for rows in 1...min(shape[1], options.maxGridSide) {
                for cols in 1...min(shape[2], options.maxGridSide) where rows * cols > 1 {
                    guard let grid = PatchGrid.even(height: shape[1], width: shape[2], rows: rows, cols: cols),
                          case .success(let plan) = PatchPlan.make(split: split, grid: grid,
                                                                   inputStreaming: options.inputStreaming, graph: graph)
                    else { continue }
                    plans.append(plan)
                    candidates.append(PatchCandidate(count: split.count, grid: grid,
                                                     estimatedPeak: estimate(Scheduling.schedule(graph, patch: plan)),
                                                     macOverhead: plan.macOverhead(totalMACs: total)))
                }
            }
        }
        PatchCandidate.markPareto(&candidates)
        var result = PatchSearchResult(chosen: nil, verdict: .noCandidates, candidates: candidates, layerPeak: layerPeak)
        switch options.goal {
        case .smallestPeak:
            choose(&result, plans: plans, options: options, graph: graph, place: place)
        case .fit(let budget):
            chooseFitting(&result, budget: budget, plans: plans, options: options, graph: graph, place: place)
        }
        return result
    }

    /// The smallest placed peak among the best estimates within the overhead limit.
    static func choose(_ result: inout PatchSearchResult, plans: [PatchPlan], options: PatchSearchOptions,
                       graph: Graph, place: Cost) {
        let limit = options.maxMACOverhead
        let eligible = result.candidates.indices.filter { result.candidates[$0].macOverhead <= limit }
        guard !eligible.isEmpty else {
            result.verdict = result.candidates.isEmpty ? .noCandidates : .overheadTooHigh(limit: limit)
            return
        }
        let ranked = eligible.sorted { a, b in
            let x = result.candidates[a], y = result.candidates[b]
            return (x.estimatedPeak, x.tieBreak.0, x.tieBreak.1, x.tieBreak.2) < (y.estimatedPeak, y.tieBreak.0, y.tieBreak.1, y.tieBreak.2)
        }
        var best: Int?
        for index in ranked.prefix(options.placements) {
            let placed = place(Scheduling.schedule(graph, patch: plans[index]))
            result.candidates[index].placedPeak = placed
            if best.map({ placed < result.candidates[$0].placedPeak! }) ?? true { best = index }
        }
        let winner = result.candidates[best!]
        guard winner.placedPeak! < result.layerPeak else {
            result.verdict = .layerBasedWins(best: winner)
            return
        }
        result.chosen = plans[best!]
        result.verdict = .smallestPeak(winner, limit: limit)
    }

    /// The least overhead whose placed peak fits `budget`.
    static func chooseFitting(_ result: inout PatchSearchResult, budget: Int, plans: [PatchPlan],
                              options: PatchSearchOptions, graph: Graph, place: Cost) {
        guard result.layerPeak > budget else {
            result.verdict = .layerBasedFits(budget: budget)
            return
        }
        let ranked = result.candidates.indices.filter {
            result.candidates[$0].macOverhead <= options.maxMACOverhead && result.candidates[$0].estimatedPeak <= budget
        }.sorted { result.candidates[$0].tieBreak < result.candidates[$1].tieBreak }
        for index in ranked.prefix(4 * options.placements) {
            let placed = place(Scheduling.schedule(graph, patch: plans[index]))
            result.candidates[index].placedPeak = placed
            guard placed <= budget else { continue }
            result.chosen = plans[index]
            result.verdict = .leastOverheadThatFits(result.candidates[index], budget: budget)
            return
        }
        choose(&result, plans: plans, options: options, graph: graph, place: place)
        result.verdict = .nothingFits(budget: budget, fallback: result.verdict)
    }

    /// `12.5%`.
    public static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        return "\(Int(tenths) / 10).\(abs(Int(tenths)) % 10)%"
    }
}
