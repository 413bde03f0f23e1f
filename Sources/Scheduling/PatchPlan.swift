import IR

/// A patch stage as a value: which ops run per patch, over which grid of their output, the region
/// of every stage tensor each patch holds, and the per-patch buffers that follow.
///
/// Patches run in raster order; for patch `(i, j)` every stage op computes the region of its
/// output tensor `region(of:row:col:)` (its output's rows for grid row `i` by its columns for grid
/// column `j`) from the regions of its inputs, and the last op writes its region of `split.output`
/// into the full-size tensor. Regions are the bounding boxes of what the op's readers need (the
/// halo), clipped to the tensor, so padding is applied only at the real image border and patch
/// execution equals layer-based execution bit for bit.
public struct PatchPlan: Sendable, Hashable {
    public var split: StageSplit
    public var grid: PatchGrid
    /// The graph inputs are not held: each patch reads its input region through a callback into a
    /// per-patch buffer.
    public var inputStreaming: Bool
    /// For every stage tensor (inputs read, internal tensors, the output): the rows it holds for
    /// each grid row, and the columns for each grid column.
    public var rowSpans: [TensorID: [Span]]
    public var colSpans: [TensorID: [Span]]
    /// Bytes of each per-patch buffer: every internal tensor, and the inputs when streamed (the
    /// largest region over all patches, all channels).
    public var bufferBytes: [TensorID: Int]
    /// Multiply-accumulates of the stage summed over all patches (halos recomputed).
    public var patchMACs: Int
    /// Multiply-accumulates of the stage ops run layer by layer.
    public var layerMACs: Int

    /// The region of `tensor` patch `(row, col)` holds (or, for the stage output, writes).
    public func region(of tensor: TensorID, row: Int, col: Int) -> Region {
        Region(rows: rowSpans[tensor]![row], cols: colSpans[tensor]![col])
    }

    /// MACs the halos add: `patchMACs - layerMACs`.
    public var extraMACs: Int { patchMACs - layerMACs }

    /// `extraMACs` as a fraction of `totalMACs` (the whole model run layer by layer).
    public func macOverhead(totalMACs: Int) -> Double {
        totalMACs > 0 ? Double(extraMACs) / Double(totalMACs) : 0
    }

    /// The plan of `split` over `grid` (a grid of `split.output`'s rows and columns), or why it
    /// cannot run: a patch whose region of some tensor is empty (every tap is padding), or a
    /// streamed input that is not int8.
    public static func make(split: StageSplit, grid: PatchGrid, inputStreaming: Bool,
                            graph: Graph) -> Result<PatchPlan, PatchPlanRefusal> {
        let rowSpans = propagate(split, grid.rows, graph: graph, axis: \.rows)
        let colSpans = propagate(split, grid.cols, graph: graph, axis: \.cols)
        for (tensor, spans) in rowSpans.merging(colSpans, uniquingKeysWith: { $0 + $1 }).sorted(by: { $0.key < $1.key })
        where spans.contains(where: \.isEmpty) {
            return .failure(PatchPlanRefusal("a \(grid) grid leaves some patch with no region of \(tensor)"))
        }
        if inputStreaming, split.inputs.count > 1 {
            return .failure(PatchPlanRefusal("--input-streaming reads one graph input through <prefix>_read_input, "
                + "but the stage reads \(split.inputs.count)"))
        }
        if inputStreaming, let input = split.inputs.first(where: { graph[$0].type != .int8 }) {
            return .failure(PatchPlanRefusal("--input-streaming reads int8, but input \(input) is \(graph[input].type) "
                + "(use --io int8)"))
        }
        var buffered = split.internalTensors(in: graph)
        if inputStreaming { buffered += split.inputs }
        var bufferBytes: [TensorID: Int] = [:]
        for tensor in buffered {
            let t = graph[tensor]
            let rows = rowSpans[tensor]!.map(\.count).max()!, cols = colSpans[tensor]!.map(\.count).max()!
            bufferBytes[tensor] = rows * cols * t.shape[3] * (t.type.byteSize ?? 1)
        }
        var patchMACs = 0, layerMACs = 0
        for node in split.nodes {
            let output = graph[node].outputs[0], shape = graph[output].shape
            let perPixel = graph.macs(of: graph[node]) / max(1, shape[1] * shape[2])
            let rows = rowSpans[output]!.reduce(0) { $0 + $1.count }, cols = colSpans[output]!.reduce(0) { $0 + $1.count }
            patchMACs += perPixel * rows * cols
            layerMACs += graph.macs(of: graph[node])
        }
        return .success(PatchPlan(split: split, grid: grid, inputStreaming: inputStreaming, rowSpans: rowSpans,
                                  colSpans: colSpans, bufferBytes: bufferBytes, patchMACs: patchMACs,
                                  layerMACs: layerMACs))
    }

    /// Per grid row (or column), the span of every stage tensor: the stage output's spans are the
    /// grid's; walking the stage backwards, each op's input spans are the union of what its
    /// readers' windows need.
    static func propagate(_ split: StageSplit, _ outputSpans: [Span], graph: Graph,
                          axis: KeyPath<InputWindow, AxisWindow>) -> [TensorID: [Span]] {
        var spans: [TensorID: [Span]] = [split.output: outputSpans]
        let empty = Array(repeating: Span(0, 0), count: outputSpans.count)
        for field in split.fields.reversed() {
            let out = spans[graph[field.node].outputs[0]] ?? empty
            for input in field.inputs {
                let window = input[keyPath: axis]
                var current = spans[input.tensor] ?? empty
                for i in current.indices { current[i] = current[i].union(window.inputSpan(for: out[i])) }
                spans[input.tensor] = current
            }
        }
        return spans
    }
}

/// Why a grid cannot be used for a split.
public struct PatchPlanRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
