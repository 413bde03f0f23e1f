import IR
import Lowering

/// One streamed input's read in the patch loop of `model.c.mustache`: the application's
/// `<prefix>_read_input` writes the patch's region of the input to `pointer`.
struct PatchReadView {
    var rowsTable: String
    var colsTable: String
    /// The arena address of the input's patch buffer.
    var pointer: String
}

/// The patch stage's loop in `model.c.mustache`: the grid, the reads, the loop body's steps.
struct PatchLoopView {
    /// The loop variables the patch tables are indexed by (see `KernelBinding.Argument.patchRows`).
    static let rowVariable = "patch_row"
    static let colVariable = "patch_col"

    var gridRows: Int
    var gridCols: Int
    var first: Int
    var last: Int
    var reads: [PatchReadView]
    /// The loop body; each step's trace point fires after the loop, when the stage output is whole.
    var steps: [StepView]

    init(gridRows: Int, gridCols: Int, first: Int, last: Int, reads: [PatchReadView], steps: [StepView]) {
        (self.gridRows, self.gridCols, self.first, self.last, self.reads, self.steps) = (gridRows, gridCols, first, last, reads, steps)
    }

    /// The view of `loop`, whose body is `steps`.
    init(_ loop: PatchLoop, steps: [StepView], locations: TensorLocations, naming: TableNaming) {
        let reads = loop.reads.map { read in
            guard let offset = locations.arenaOffset(read.tensor) else {
                preconditionFailure("streamed input \(read.tensor) has no patch buffer in the arena")
            }
            return PatchReadView(rowsTable: naming.name(read.rows.id), colsTable: naming.name(read.cols.id),
                                 pointer: locations.arenaPointer(offset, float: false))
        }
        self.init(gridRows: loop.gridRows, gridCols: loop.gridCols, first: loop.steps.lowerBound,
                  last: loop.steps.upperBound - 1, reads: reads, steps: steps)
    }
}

/// A streamed input in the header, README and host harness: `<prefix>_read_input` supplies it.
struct StreamedInputView {
    var index: Int
    var shapeText: String
    var height: Int
    var width: Int
    var channels: Int
}
