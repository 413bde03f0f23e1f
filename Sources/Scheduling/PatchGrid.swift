/// An R x C grid over the stage output's rows and columns: `rows[i]` x `cols[j]` is patch
/// `(i, j)`. Every patch but the last of a row or column has the same size; the last may be
/// smaller; none is empty.
public struct PatchGrid: Sendable, Hashable, CustomStringConvertible {
    public var rows: [Span]
    public var cols: [Span]

    /// The grid cutting `height` x `width` into `rowCount` x `colCount` patches of
    /// `ceil(height / rowCount)` x `ceil(width / colCount)` (the last ones smaller), or nil when
    /// that leaves a patch empty (e.g. 10 rows in 6 patches of 2).
    public static func even(height: Int, width: Int, rows rowCount: Int, cols colCount: Int) -> PatchGrid? {
        guard let rows = spans(height, rowCount), let cols = spans(width, colCount) else { return nil }
        return PatchGrid(rows: rows, cols: cols)
    }

    static func spans(_ size: Int, _ count: Int) -> [Span]? {
        guard count >= 1, size >= count else { return nil }
        let step = (size + count - 1) / count
        guard (count - 1) * step < size else { return nil }
        return (0..<count).map { Span($0 * step, min(size, ($0 + 1) * step)) }
    }

    public var rowCount: Int { rows.count }
    public var colCount: Int { cols.count }
    /// Patches in the grid.
    public var patchCount: Int { rows.count * cols.count }

    /// `4x3`.
    public var description: String { "\(rows.count)x\(cols.count)" }
}
