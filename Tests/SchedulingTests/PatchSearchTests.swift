import IR
import Scheduling
import Testing
import TestSupport

/// The search's choices under costs the test controls: the arena of a schedule is taken to be the
/// largest per-patch buffer plus a fixed part, so the best grid is known.
@Suite struct PatchSearchTests {
    /// 12x12x2 -> conv 3x3 -> conv 3x3 s2 -> FULLY_CONNECTED.
    static func graph() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 12, 12, 2])
        let a = b.conv(x, cout: 4, k: 3)
        let c = b.conv(a, cout: 4, k: 3, stride: 2)
        let f = b.fullyConnected(c, cout: 2)
        return b.build(outputs: [f])
    }

    /// Layer-based: 1,000; a one-op stage (no halo, but nothing saved either): the same; a longer
    /// stage: 100 + its buffer bytes.
    static func cost(_ schedule: Schedule) -> Int {
        guard let plan = schedule.patchStage, plan.split.count > 1 else { return 1_000 }
        return 100 + plan.bufferBytes.values.reduce(0, +)
    }

    static func search(_ options: PatchSearchOptions, layer: Int = 1_000) -> PatchSearchResult {
        let graph = Self.graph()
        let cost: PatchSearch.Cost = { $0.patchStage == nil ? layer : Self.cost($0) }
        return PatchSearch.search(graph, splits: PatchSplits.analyze(graph), options: options, estimate: cost, place: cost)
    }

    @Test func smallestPeakWithinTheOverheadLimit() throws {
        let overheads = Self.search(PatchSearchOptions(maxMACOverhead: 10)).candidates.map(\.macOverhead).filter { $0 > 0 }.sorted()
        let limit = overheads[overheads.count / 2]
        let result = Self.search(PatchSearchOptions(maxMACOverhead: limit))
        let chosen = try #require(result.chosen)
        guard case .smallestPeak(let winner, let limit) = result.verdict else {
            Issue.record("verdict \(result.verdict)")
            return
        }
        #expect(winner.count == chosen.split.count && winner.grid == chosen.grid)
        let eligible = result.candidates.filter { $0.macOverhead <= limit }
        #expect(winner.placedPeak == eligible.map(\.estimatedPeak).min())
        #expect(chosen.macOverhead(totalMACs: Self.graph().totalMACs) <= limit)
        #expect(result.candidates.contains { $0.macOverhead > limit && $0.estimatedPeak < winner.placedPeak! },
                "the limit excluded nothing better")
        #expect(result.candidates.filter(\.isPareto).count >= 2)
        #expect(result.layerPeak == 1_000)
    }

    @Test func neverWorseThanLayerBased() {
        let result = Self.search(PatchSearchOptions(maxMACOverhead: 10), layer: 50)
        #expect(result.chosen == nil)
        guard case .layerBasedWins(let best) = result.verdict else {
            Issue.record("verdict \(result.verdict)")
            return
        }
        #expect(best.placedPeak! >= 50)
    }

    @Test func overheadLimitZeroAllowsOnlyStagesWithoutHalos() {
        let result = Self.search(PatchSearchOptions(maxMACOverhead: 0))
        #expect(result.chosen == nil)
        guard case .layerBasedWins(let best) = result.verdict else {
            Issue.record("verdict \(result.verdict)")
            return
        }
        #expect(best.macOverhead == 0 && best.count == 1)
    }

    @Test func fitTakesTheLeastOverheadThatFits() throws {
        let all = Self.search(PatchSearchOptions(maxMACOverhead: 10)).candidates
        let budget = 400
        let result = Self.search(PatchSearchOptions(goal: .fit(budget: budget), maxMACOverhead: 10))
        let chosen = try #require(result.chosen)
        let least = all.filter { $0.estimatedPeak <= budget }.map(\.macOverhead).min()!
        #expect(abs(chosen.macOverhead(totalMACs: Self.graph().totalMACs) - least) < 1e-12)
        guard case .leastOverheadThatFits(_, let b) = result.verdict else {
            Issue.record("verdict \(result.verdict)")
            return
        }
        #expect(b == budget)
        #expect(Self.search(PatchSearchOptions(goal: .fit(budget: 1_000))).verdict == .layerBasedFits(budget: 1_000))
        guard case .nothingFits(budget: 10, _) = Self.search(PatchSearchOptions(goal: .fit(budget: 10))).verdict else {
            Issue.record("a 10-byte budget fitted")
            return
        }
    }
}
