import IR
import Scheduling

/// The loop of a patch stage, as the emitted code runs it: for each grid row, for each grid
/// column (raster order), first every streamed input's region is read into its buffer, then
/// the stage's steps run on the patch.
public struct PatchLoop: Sendable, Hashable {
    /// One streamed graph input: the application's callback writes its region of each patch.
    public struct Read: Sendable, Hashable {
        public var tensor: TensorID
        /// Per grid row: the first row and the number of rows of the input the patch reads.
        public var rows: ConstantTable
        /// Per grid column: the first column and the number of columns.
        public var cols: ConstantTable
    }

    public var gridRows: Int
    public var gridCols: Int
    /// The steps of the loop body (the first steps of the schedule).
    public var steps: Range<Int>
    /// The tensor the loop assembles in full (written patch by patch, read after the loop).
    public var output: TensorID
    public var reads: [Read]

    /// The loop of `plan` over `graph`.
    public init(plan: PatchPlan, graph: Graph) {
        gridRows = plan.grid.rowCount
        gridCols = plan.grid.colCount
        steps = 0..<plan.split.count
        output = plan.split.output
        guard plan.inputStreaming else {
            reads = []
            return
        }
        reads = plan.split.inputs.map { input in
            let reader = plan.split.fields.first { $0.inputs.contains { $0.tensor == input } }!.node
            func table(_ spans: [Span], _ role: String, _ what: String) -> ConstantTable {
                ConstantTable(id: .patch(reader, role: role), kind: .indices("\(what) read per patch: start, count"),
                              values: .int32(spans.flatMap { [Int32($0.start), Int32($0.count)] }))
            }
            return Read(tensor: input, rows: table(plan.rowSpans[input]!, "read_rows", "input rows"),
                        cols: table(plan.colSpans[input]!, "read_cols", "input columns"))
        }
    }

    /// The tables of the reads.
    public var tables: [ConstantTable] { reads.flatMap { [$0.rows, $0.cols] } }
}
