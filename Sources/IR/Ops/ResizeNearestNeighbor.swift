/// RESIZE_NEAREST_NEIGHBOR, int8, NHWC (TFLM `reference_ops::ResizeNearestNeighbor`): operands
/// (input, size `[2]` int32 constant). Every output pixel copies the input pixel
/// `GetNearestNeighbor` picks along each axis (`NearestNeighborSource`); values are copied
/// unchanged (input and output share quantization).
public struct ResizeNearestNeighbor: OperatorDefinition {
    public var alignCorners: Bool
    public var halfPixelCenters: Bool
    public init(alignCorners: Bool, halfPixelCenters: Bool) {
        self.alignCorners = alignCorners
        self.halfPixelCenters = halfPixelCenters
    }

    public static let name = "RESIZE_NEAREST_NEIGHBOR"
    public static let support = OperatorSupport(types: "int8; int32 size", options: "align_corners, half_pixel_centers")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] {
        [("align_corners", "\(alignCorners)"), ("half_pixel_centers", "\(halfPixelCenters)")]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), sizeTensor = op.input(1), output = op.output
        try op.requireRank(input, 4, "input")
        let size = try op.constantVector(sizeTensor, "size", count: 2)
        guard size.allSatisfy({ $0 >= 1 }) else {
            throw op.error(.malformed, "size \(size) must be positive", sizeTensor)
        }
        let expected = Shape([input.shape[0], Int(size[0]), Int(size[1]), input.shape[3]])
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); resizing \(input.shape) to \(size) gives \(expected)",
                           output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> ResizeNearestNeighborParams {
        let inShape = op.input(0).shape, outShape = op.output.shape
        return ResizeNearestNeighborParams(
            sourceRows: NearestNeighborSource.indices(inputSize: inShape[1], outputSize: outShape[1], self),
            sourceColumns: NearestNeighborSource.indices(inputSize: inShape[2], outputSize: outShape[2], self))
    }
}

/// The constants of one RESIZE_NEAREST_NEIGHBOR.
public struct ResizeNearestNeighborParams: Sendable, Hashable {
    /// The input row of every output row, and the input column of every output column.
    public var sourceRows: [Int], sourceColumns: [Int]
}

/// Which input index RESIZE_NEAREST_NEIGHBOR copies along one spatial axis: TFLM's
/// `GetNearestNeighbor` (`reference_ops::ResizeNearestNeighbor`) in its float32 arithmetic.
///
/// `scale = align_corners && out > 1 ? (in - 1) / (out - 1) : in / out`; the position
/// `(i + (half_pixel_centers ? 0.5 : 0)) * scale` is rounded half away from zero with
/// `align_corners` and down otherwise, then clamped to `in - 1` (and to 0 with half-pixel centers).
public enum NearestNeighborSource {
    /// The source index of output index `i` along an axis of `inputSize` (>= 1) resized to
    /// `outputSize` (>= 1); the result is in `0..<inputSize`.
    public static func index(_ i: Int, inputSize: Int, outputSize: Int, _ a: ResizeNearestNeighbor) -> Int {
        let scale: Float = (a.alignCorners && outputSize > 1)
            ? Float(inputSize - 1) / Float(outputSize - 1)
            : Float(inputSize) / Float(outputSize)
        let offset: Float = a.halfPixelCenters ? 0.5 : 0
        let position = (Float(i) + offset) * scale
        let rounded = a.alignCorners ? position.rounded(.toNearestOrAwayFromZero) : position.rounded(.down)
        var source = min(Int(rounded), inputSize - 1)
        if a.halfPixelCenters { source = max(0, source) }
        return source
    }

    /// The source index of every output index `0..<outputSize`, in order.
    public static func indices(inputSize: Int, outputSize: Int, _ a: ResizeNearestNeighbor) -> [Int] {
        (0..<outputSize).map { index($0, inputSize: inputSize, outputSize: outputSize, a) }
    }
}
