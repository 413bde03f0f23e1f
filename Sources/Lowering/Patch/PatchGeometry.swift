import IR
import Scheduling

/// The patch tables of one patch-stage call: for each grid row (and each grid column), four int32
/// per operand (the inputs in argument order, then the output), as `MCUC_PATCH_FIELDS` in
/// `mcuc_common.h` describes them:
///
/// - `start`: the first row (column) of the operand's buffer the call touches;
/// - `count`: rows (columns) it may read (an input) or writes (the output) from there;
/// - `pad`: padding taps before `start` (an input's window; non-zero only at the image border);
/// - `extent`: rows (columns) of the buffer in this patch (the column extent gives the pitch).
///
/// An input's buffer is its patch region (an internal or streamed tensor) or the whole tensor (a
/// held graph input); the output's is its patch region, or the whole stage output. The window's
/// first tap for the call's first output row, less the buffer's first row, is where the call
/// starts reading: at or after the buffer's start it is `start`, before it the difference is
/// padding. Taps past `count` lie past the tensor: every tap inside the tensor is in the buffer
/// (`PatchPlan` made the regions so), which `entry` checks.
struct PatchGeometry {
    /// `MCUC_PATCH_FIELDS`.
    static let fields = 4

    let graph: Graph
    let plan: PatchPlan

    enum Axis {
        case rows, cols

        var dimension: Int { self == .rows ? 1 : 2 }
        var role: String { self == .rows ? "patch_rows" : "patch_cols" }
    }

    /// The row and column tables of `node`'s call over `operands` (inputs then `output`), each
    /// input read through `windows` (constants have none).
    func tables(node: NodeID, operands: [TensorID], output: TensorID,
                windows: [TensorID: InputWindow]) -> (rows: ConstantTable, cols: ConstantTable) {
        func table(_ axis: Axis) -> ConstantTable {
            let count = axis == .rows ? plan.grid.rowCount : plan.grid.colCount
            var values: [Int32] = []
            for g in 0..<count {
                for (k, t) in operands.enumerated() {
                    let isOutput = k == operands.count - 1
                    let window = windows[t].map { axis == .rows ? $0.rows : $0.cols }
                    values += isOutput ? outputEntry(axis, g, output) : inputEntry(axis, g, t, window, output: output)
                }
            }
            return ConstantTable(id: .patch(node, role: axis.role),
                                 kind: .indices("patch \(axis == .rows ? "rows" : "columns"): start, count, pad, extent"),
                                 values: .int32(values))
        }
        return (table(.rows), table(.cols))
    }

    /// The spans of `tensor` along `axis`, one per grid row (column).
    func spans(_ tensor: TensorID, _ axis: Axis) -> [Span] {
        (axis == .rows ? plan.rowSpans : plan.colSpans)[tensor]!
    }

    /// The buffer of an input in grid row (column) `g`: its patch region, or the whole held tensor.
    func inputBuffer(_ tensor: TensorID, _ axis: Axis, _ g: Int) -> Span {
        plan.bufferBytes[tensor] != nil ? spans(tensor, axis)[g] : Span(0, graph[tensor].shape[axis.dimension])
    }

    func outputEntry(_ axis: Axis, _ g: Int, _ output: TensorID) -> [Int32] {
        let span = spans(output, axis)[g]
        if output == plan.split.output {
            return [span.start, span.count, 0, graph[output].shape[axis.dimension]].map { Int32($0) }
        }
        return [0, span.count, 0, span.count].map { Int32($0) }
    }

    func inputEntry(_ axis: Axis, _ g: Int, _ tensor: TensorID, _ window: AxisWindow?, output: TensorID) -> [Int32] {
        guard let window, !graph[tensor].isConstant else { return [0, 0, 0, 0] }
        let out = spans(output, axis)[g], buffer = inputBuffer(tensor, axis, g)
        precondition(buffer.contains(window.inputSpan(for: out)),
                     "patch region of \(tensor) misses taps of \(output) in grid \(axis) \(g)")
        let local = window.firstTap(out.start) - buffer.start
        let start = max(local, 0)
        return [start, buffer.count - start, max(-local, 0), buffer.count].map { Int32($0) }
    }
}
