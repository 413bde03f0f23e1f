/// Which input index RESIZE_NEAREST_NEIGHBOR copies along one spatial axis: TFLM's
/// `GetNearestNeighbor` (`reference_ops::ResizeNearestNeighbor`) in its float32 arithmetic.
///
/// `scale = align_corners && out > 1 ? (in - 1) / (out - 1) : in / out`; the position
/// `(i + (half_pixel_centers ? 0.5 : 0)) * scale` is rounded half away from zero with
/// `align_corners` and down otherwise, then clamped to `in - 1` (and to 0 with half-pixel centers).
/// The reference kernel and the code generator use these functions.
public enum NearestNeighborSource {
    /// The source index of output index `i` along an axis of `inputSize` (>= 1) resized to
    /// `outputSize` (>= 1); the result is in `0..<inputSize`.
    public static func index(_ i: Int, inputSize: Int, outputSize: Int, _ a: ResizeAttrs) -> Int {
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
    public static func indices(inputSize: Int, outputSize: Int, _ a: ResizeAttrs) -> [Int] {
        (0..<outputSize).map { index($0, inputSize: inputSize, outputSize: outputSize, a) }
    }
}
