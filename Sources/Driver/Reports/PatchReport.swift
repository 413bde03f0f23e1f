import IR
import Scheduling

/// The patch stage in `mcuc plan --json` (`patch`, present when `--patch` is not `none`).
public struct PatchReport: Sendable, Encodable {
    /// One per-patch buffer: an internal stage tensor (or a streamed input).
    public struct Buffer: Sendable, Encodable {
        public var tensor: Int
        /// The op writing it (-1 for a streamed graph input).
        public var op_index: Int
        /// Largest region over all patches: rows, columns, channels.
        public var rows: Int
        public var cols: Int
        public var channels: Int
        public var bytes: Int
    }

    /// A candidate of the search.
    public struct Candidate: Sendable, Encodable {
        public var ops: Int
        public var grid: String
        public var estimated_peak_bytes: Int
        public var placed_peak_bytes: Int?
        public var mac_overhead: Double
        public var pareto: Bool
    }

    /// `none`, `auto`, `fit` or `RxC@K`, as asked.
    public var choice: String
    public var verdict: String
    /// False when the search kept layer-based execution.
    public var applied: Bool
    /// The stage (absent when not applied).
    public var ops: Int?
    public var first_op: Int?
    public var last_op: Int?
    public var output_tensor: Int?
    public var grid_rows: Int?
    public var grid_cols: Int?
    /// Row and column spans of the stage output per grid row / column (`start`, `end`).
    public var row_spans: [[Int]]?
    public var col_spans: [[Int]]?
    public var input_streaming: Bool
    /// Extra MACs of recomputed halos, and as a fraction of the layer-based MACs of the model.
    public var extra_macs: Int?
    public var mac_overhead: Double?
    public var model_macs: Int
    public var layer_based_peak_bytes: Int?
    public var peak_input_held_bytes: Int?
    public var peak_input_streamed_bytes: Int?
    public var buffers: [Buffer]
    /// Why the stage cannot extend further (the first op that cannot run per patch).
    public var stage_end: String?
    /// Every candidate considered (only with `--verbose`).
    public var candidates: [Candidate]?

    /// The report of `outcome`; `materialized` are the tensors the memory plan holds (a folded
    /// PAD's output is never materialized, so it has no per-patch buffer).
    init(_ outcome: PatchOutcome, schedule: Schedule, graph: Graph, materialized: Set<TensorID>, verbose: Bool) {
        choice = outcome.choice.description
        verdict = PatchVerdictText.render(outcome.verdict, choice: outcome.choice, layerPeak: outcome.layerPeak,
                                          stageEnd: outcome.splits.end?.description)
        model_macs = graph.totalMACs
        layer_based_peak_bytes = outcome.layerPeak
        peak_input_held_bytes = outcome.heldPeak
        peak_input_streamed_bytes = outcome.streamedPeak
        stage_end = outcome.splits.end?.description
        let plan = schedule.patchStage
        applied = plan != nil
        input_streaming = plan?.inputStreaming ?? false
        buffers = plan.map { Self.buffers($0, graph: graph).filter { materialized.contains(TensorID($0.tensor)) } } ?? []
        if let plan {
            ops = plan.split.count
            first_op = plan.split.nodes.first?.index
            last_op = plan.split.nodes.last?.index
            output_tensor = plan.split.output.index
            grid_rows = plan.grid.rowCount
            grid_cols = plan.grid.colCount
            row_spans = plan.grid.rows.map { [$0.start, $0.end] }
            col_spans = plan.grid.cols.map { [$0.start, $0.end] }
            extra_macs = plan.extraMACs
            mac_overhead = plan.macOverhead(totalMACs: model_macs)
        }
        if verbose, let search = outcome.search {
            candidates = search.candidates.map {
                Candidate(ops: $0.count, grid: $0.grid.description, estimated_peak_bytes: $0.estimatedPeak,
                          placed_peak_bytes: $0.placedPeak, mac_overhead: $0.macOverhead, pareto: $0.isPareto)
            }
        }
    }

    static func buffers(_ plan: PatchPlan, graph: Graph) -> [Buffer] {
        let producers = graph.producers()
        return plan.bufferBytes.keys.sorted().map { tensor in
            Buffer(tensor: tensor.index, op_index: producers[tensor]?.index ?? -1,
                   rows: plan.rowSpans[tensor]!.map(\.count).max()!, cols: plan.colSpans[tensor]!.map(\.count).max()!,
                   channels: graph[tensor].shape[3], bytes: plan.bufferBytes[tensor]!)
        }
    }
}
