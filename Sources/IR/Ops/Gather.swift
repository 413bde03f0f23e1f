/// GATHER (TFLM `gather.cc`): operands (params, coordinates; int32), options `axis` and
/// `batch_dims` (negative values count from the end). Output shape
/// `params[:axis] + coordinates.shape[batch_dims:] + params[axis+1:]`; the first `batch_dims` axes
/// of params and coordinates are shared batches, each with its own coordinates
/// (`0 <= batch_dims <= axis`). Constant coordinates are checked inside `0..<params[axis]` at
/// compile time; run-time coordinates (a graph input, or computed) by the kernel, which stops
/// with `MCUC_ERROR_INPUT_DOMAIN` on one outside (TFLM does not check them and reads outside
/// params; docs/OPERATOR_SEMANTICS.md). Params may be a constant table (an embedding lookup).
public struct Gather: OperatorDefinition {
    public var axis: Int, batchDims: Int
    public init(axis: Int, batchDims: Int) {
        self.axis = axis
        self.batchDims = batchDims
    }

    public static let name = "GATHER"
    public static let support = OperatorSupport(types: "int8; int32 coordinates", options: "constant or run-time coordinates (checked: outside ones stop the invoke with MCUC_ERROR_INPUT_DOMAIN), any axis and batch_dims, constant or run-time params")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("axis", "\(axis)"), ("batch_dims", "\(batchDims)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let params = op.input(0), coords = op.input(1), rank = params.shape.rank
        guard axis >= -rank, axis < rank else {
            throw op.error(.malformed, "axis \(axis) is out of range for params of rank \(rank)", params)
        }
        let batchDims = normalizedBatchDims(coords.shape.rank)
        guard batchDims >= 0, batchDims <= coords.shape.rank, batchDims <= normalizedAxis(rank) else {
            throw op.error(.malformed, "batch_dims \(self.batchDims) must lie in 0...axis and within the coordinates' "
                           + "rank \(coords.shape.rank)", coords)
        }
        guard params.shape.dims[..<batchDims] == coords.shape.dims[..<batchDims] else {
            throw op.error(.malformed, "the first \(batchDims) axes of params \(params.shape) and coordinates "
                           + "\(coords.shape) differ (batch_dims)", coords)
        }
        let axis = normalizedAxis(rank)
        if coords.isConstant, let bad = op.int32Values(coords).first(where: { $0 < 0 || Int($0) >= params.shape[axis] }) {
            throw op.error(.malformed, "coordinate \(bad) is outside 0..<\(params.shape[axis])", coords)
        }
        let dims = Array(params.shape.dims[..<axis]) + coords.shape.dims[batchDims...] + Array(params.shape.dims[(axis + 1)...])
        guard op.output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(op.output.shape); GATHER gives \(Shape(dims))", op.output)
        }
        try op.requireCopiedQuant()
    }

    public func normalizedAxis(_ rank: Int) -> Int { axis < 0 ? axis + rank : axis }

    /// `batch_dims`, a negative value counted from the end of the coordinates' rank.
    public func normalizedBatchDims(_ coordinatesRank: Int) -> Int { batchDims < 0 ? batchDims + coordinatesRank : batchDims }

    /// Coordinates (operand 1) read at run time lie in `0..<params[axis]`.
    public func indexBound(_ role: OperandRole, _ op: OpOperands) -> Int? {
        guard role == .input(1), let params = op.node.input(0) else { return nil }
        let shape = op.graph[params].shape
        return (-shape.rank..<shape.rank).contains(axis) ? shape[normalizedAxis(shape.rank)] : nil
    }

    public func prepare(_ op: OpOperands) -> GatherParams {
        let params = op.input(0), coords = op.input(1)
        let walk = GatherWalk(params: params.shape, axis: normalizedAxis(params.shape.rank),
                              batchDims: normalizedBatchDims(coords.shape.rank), coordinatesShape: coords.shape)
        guard coords.isConstant else { return .runtime(walk) }
        return .constant(walk.axisGather(coordinates: op.int32Values(coords).map { Int($0) }))
    }
}

/// How a GATHER runs: a copy from offsets computed at compile time, or one that reads its
/// coordinates at run time.
public enum GatherParams: Sendable, Hashable {
    case constant(AxisGather)
    case runtime(GatherWalk)
}

/// GATHER's loop nest: output element `(b, o, c, i)` is
/// `params[((b * outer + o) * axisSize + coords[b * perBatch + c]) * inner + i]` (`b` over the
/// `batchDims` shared axes, `o` the axes before `axis`, `c` each batch's coordinates, `i` the
/// inner axes).
public struct GatherWalk: Sendable, Hashable {
    public var params: Shape, axis: Int, batchDims: Int, coordinatesShape: Shape

    public var batches: Int { params.dims[..<batchDims].reduce(1, *) }
    public var outer: Int { params.dims[batchDims..<axis].reduce(1, *) }
    public var axisSize: Int { params[axis] }
    public var perBatch: Int { coordinatesShape.dims[batchDims...].reduce(1, *) }
    public var inner: Int { params.dims[(axis + 1)...].reduce(1, *) }

    /// The copy for `coordinates` (row-major over `coordinatesShape`, each in `0..<axisSize`).
    public func axisGather(coordinates: [Int]) -> AxisGather {
        .gather(input: params, axis: axis, batchDims: batchDims, coordinates: coordinates, coordinatesShape: coordinatesShape)
    }
}
