/// One patch plan the search considered, with what it costs.
public struct PatchCandidate: Sendable, Hashable {
    /// Ops in the stage (the `K` of `RxC@K`).
    public var count: Int
    public var grid: PatchGrid
    /// The lower bound of the arena under the kernels' sharing rules (no placement can do better;
    /// the planners usually reach it or come close).
    public var estimatedPeak: Int
    /// MACs the halos add, as a fraction of the model's layer-based MACs.
    public var macOverhead: Double
    /// The arena the placement algorithms reached, for the candidates that were placed.
    public var placedPeak: Int?
    /// No other candidate has a smaller or equal estimate and overhead with one of them smaller.
    public var isPareto: Bool

    public init(count: Int, grid: PatchGrid, estimatedPeak: Int, macOverhead: Double, placedPeak: Int? = nil,
                isPareto: Bool = false) {
        self.count = count
        self.grid = grid
        self.estimatedPeak = estimatedPeak
        self.macOverhead = macOverhead
        self.placedPeak = placedPeak
        self.isPareto = isPareto
    }

    /// `4x4@7`, the `--patch` spelling.
    public var spelling: String { "\(grid)@\(count)" }

    /// The search's preference among candidates of equal peak: less overhead, fewer patches,
    /// a shorter stage.
    var tieBreak: (Double, Int, Int) { (macOverhead, grid.patchCount, count) }

    /// Marks the Pareto front of (estimated peak, MAC overhead) in `candidates`.
    static func markPareto(_ candidates: inout [PatchCandidate]) {
        let order = candidates.indices.sorted {
            (candidates[$0].estimatedPeak, candidates[$0].macOverhead) < (candidates[$1].estimatedPeak, candidates[$1].macOverhead)
        }
        var bestOverhead = Double.infinity
        for index in order where candidates[index].macOverhead < bestOverhead {
            candidates[index].isPareto = true
            bestOverhead = candidates[index].macOverhead
        }
    }
}
