/// A pure data-movement op as one walk: output elements in row-major order of `dims`, the input
/// offset starting at `start` and moving by `steps[d]` along output-walk dimension `d`.
/// DEPTH_TO_SPACE and SPACE_TO_DEPTH are such walks over six dimensions (TRANSPOSE's kernel runs
/// them).
public struct StridedCopy: Sendable, Hashable {
    public var start: Int
    public var dims: [Int]
    public var steps: [Int]

    /// Elements written.
    public var count: Int { dims.reduce(1, *) }

    /// DEPTH_TO_SPACE of an NHWC input `[n, h, w, c]` by `block`: output
    /// `[n, h*b + i, w*b + j, k]` is input `[n, h, w, (i*b + j) * c/(b*b) + k]`.
    public static func depthToSpace(input: Shape, block b: Int) -> StridedCopy {
        let (n, h, w, c) = (input[0], input[1], input[2], input[3])
        let oc = c / (b * b)
        return StridedCopy(start: 0, dims: [n, h, b, w, b, oc], steps: [h * w * c, w * c, b * oc, c, oc, 1])
    }

    /// SPACE_TO_DEPTH of an NHWC input `[n, h, w, c]` by `block`: output
    /// `[n, y, x, (i*b + j) * c + k]` is input `[n, y*b + i, x*b + j, k]`.
    public static func spaceToDepth(input: Shape, block b: Int) -> StridedCopy {
        let (n, h, w, c) = (input[0], input[1], input[2], input[3])
        return StridedCopy(start: 0, dims: [n, h / b, w / b, b, b, c], steps: [h * w * c, b * w * c, b * c, w * c, c, 1])
    }
}
