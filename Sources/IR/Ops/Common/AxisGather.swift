/// A copy whose source index along each output axis depends on that axis alone: output element
/// `(o_0, ..., o_r)` (row-major over `dims`) is input element `Σ_d offsets[d][o_d]` (element
/// offsets, the input strides folded in). MIRROR_PAD and GATHER with constant coordinates are
/// such copies; the `mcuc_gather` kernel runs them from one table.
public struct AxisGather: Sendable, Hashable {
    /// The output walk's dimensions.
    public var dims: [Int]
    /// Per output axis, the input element offset of each index along it.
    public var offsets: [[Int]]

    /// Elements written.
    public var count: Int { dims.reduce(1, *) }

    /// MIRROR_PAD of `input` by `pads` (before, after) per axis; `reflect` excludes the border,
    /// symmetric includes it (TFLM's index map; pads checked to fit).
    public static func mirrorPad(input: Shape, pads: [(before: Int, after: Int)], reflect: Bool) -> AxisGather {
        let strides = input.rowMajorStrides, off = reflect ? 1 : 0
        var dims: [Int] = [], offsets: [[Int]] = []
        for d in 0..<input.rank {
            let size = input[d], (left, right) = pads[d]
            let sources = (0..<(left + size + right)).map { i -> Int in
                if i < left { return left - 1 + off - i }
                if i - left < size { return i - left }
                return size - 1 - off - (i - left - size)
            }
            dims.append(sources.count)
            offsets.append(sources.map { $0 * strides[d] })
        }
        return AxisGather(dims: dims, offsets: offsets)
    }

    /// GATHER of `coordinates` (flattened, each in `0..<input[axis]`) along `axis`, batch_dims 0:
    /// the walk is the input's dimensions with `axis` replaced by the coordinates.
    public static func gather(input: Shape, axis: Int, coordinates: [Int]) -> AxisGather {
        let strides = input.rowMajorStrides
        var dims: [Int] = [], offsets: [[Int]] = []
        for d in 0..<input.rank {
            let sources = d == axis ? coordinates : Array(0..<input[d])
            dims.append(sources.count)
            offsets.append(sources.map { $0 * strides[d] })
        }
        return AxisGather(dims: dims, offsets: offsets)
    }

    /// GATHER with `batchDims` > 0: batch `b` of the first `batchDims` axes (shared by `input` and
    /// the coordinates) takes its own coordinates. Output `input[:axis] + coordinates[batchDims:]
    /// + input[axis+1:]` walks as slices of the inner axes, one offset per slice: element
    /// `(b, o, c, i)` reads `input[((b * O + o) * A + coords[b * C + c]) * I + i]` (`O` the axes
    /// between `batchDims` and `axis`, `A` = `input[axis]`, `C` the coordinates per batch, `I` the
    /// inner axes). `coordinates` are row-major over their shape, each in `0..<input[axis]`.
    public static func gather(input: Shape, axis: Int, batchDims: Int, coordinates: [Int],
                              coordinatesShape: Shape) -> AxisGather {
        guard batchDims > 0 else { return gather(input: input, axis: axis, coordinates: coordinates) }
        let dims = input.dims
        let batches = dims[..<batchDims].reduce(1, *), outer = dims[batchDims..<axis].reduce(1, *)
        let inner = dims[(axis + 1)...].reduce(1, *), size = dims[axis]
        let perBatch = coordinatesShape.dims[batchDims...].reduce(1, *)
        var slices: [Int] = []
        slices.reserveCapacity(batches * outer * perBatch)
        for b in 0..<batches {
            for o in 0..<outer {
                for c in 0..<perBatch { slices.append(((b * outer + o) * size + coordinates[b * perBatch + c]) * inner) }
            }
        }
        return AxisGather(dims: [slices.count, inner], offsets: [slices, Array(0..<inner)])
    }

    /// BATCH_TO_SPACE_ND onto the spatial side `g` (output `[B, H, W, C]`, or `[B, H, C]` for
    /// rank 3): output row `h` reads input row `(h + top) / bh` of input batch block
    /// `(h + top) % bh`, column `w` likewise with `bw`; batch `b` adds `b` input batches.
    public static func batchToSpace(_ g: SpaceBatchGeometry, rank: Int) -> AxisGather {
        let ih = g.batchedHeight, iw = g.batchedWidth, c = g.channels
        let pixel = c, row = iw * pixel, image = ih * row
        let batchRow = g.batch * image   // one step of the block offset: B input images
        let batches = (0..<g.batch).map { $0 * image }
        let rows = (0..<g.height).map { h in ((h + g.top) / g.blockH) * row + ((h + g.top) % g.blockH) * g.blockW * batchRow }
        let cols = (0..<g.width).map { w in ((w + g.left) / g.blockW) * pixel + ((w + g.left) % g.blockW) * batchRow }
        let channels = Array(0..<c)
        let dims = rank == 4 ? [g.batch, g.height, g.width, c] : [g.batch, g.height, c]
        let offsets = rank == 4 ? [batches, rows, cols, channels] : [batches, rows, channels]
        return AxisGather(dims: dims, offsets: offsets)
    }
}
