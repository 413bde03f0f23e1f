/// GATHER (TFLM `gather.cc`): operands (params, coordinates; int32), options `axis` and
/// `batch_dims` (negative values count from the end). Output shape
/// `params[:axis] + coordinates.shape[batch_dims:] + params[axis+1:]`; the first `batch_dims` axes
/// of params and coordinates are shared batches, each with its own coordinates
/// (`0 <= batch_dims <= axis`). mcuc supports constant coordinates, each checked inside
/// `0..<params[axis]` (TFLM does not check them).
public struct Gather: OperatorDefinition {
    public var axis: Int, batchDims: Int
    public init(axis: Int, batchDims: Int) {
        self.axis = axis
        self.batchDims = batchDims
    }

    public static let name = "GATHER"
    public static let support = OperatorSupport(types: "int8; int32 coordinates", options: "constant coordinates, any axis and batch_dims")
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
        guard coords.isConstant else {
            throw op.error(.unsupported, "GATHER with run-time coordinates is not supported (constant only)", coords)
        }
        let axis = normalizedAxis(rank), values = op.int32Values(coords)
        if let bad = values.first(where: { $0 < 0 || Int($0) >= params.shape[axis] }) {
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

    public func prepare(_ op: OpOperands) -> AxisGather {
        let params = op.input(0), coords = op.input(1)
        return .gather(input: params.shape, axis: normalizedAxis(params.shape.rank),
                       batchDims: normalizedBatchDims(coords.shape.rank),
                       coordinates: op.int32Values(coords).map { Int($0) }, coordinatesShape: coords.shape)
    }
}
