/// RESIZE_BILINEAR, int8, NHWC (TFLM `reference_ops::ResizeBilinearInteger`): operands (input,
/// size `[2]` int32 constant). Raw stored values are interpolated (input and output share
/// quantization; TFLM does not requantize). Each output pixel blends up to four input pixels with
/// 10-bit fixed-point weights along each axis (`BilinearSource`):
/// `acc = Σ x[y_i, x_j] * wy_i * wx_j`, `out = (acc ± 2^19) / 2^20` (C division, the sign of
/// the nudge follows `acc > 0`).
public struct ResizeBilinear: OperatorDefinition {
    public var alignCorners: Bool
    public var halfPixelCenters: Bool
    public init(alignCorners: Bool, halfPixelCenters: Bool) {
        self.alignCorners = alignCorners
        self.halfPixelCenters = halfPixelCenters
    }

    public static let name = "RESIZE_BILINEAR"
    public static let support = OperatorSupport(
        types: "int8; int32 size",
        options: "align_corners or half_pixel_centers (not both: TFLM refuses), up- and downscaling, same quantization in and out")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] {
        [("align_corners", "\(alignCorners)"), ("half_pixel_centers", "\(halfPixelCenters)")]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), sizeTensor = op.input(1), output = op.output
        guard !(alignCorners && halfPixelCenters) else {
            throw op.error(.unsupported, "align_corners and half_pixel_centers are both set; TFLM refuses the combination")
        }
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
        guard input.shape[1] >= 1, input.shape[2] >= 1 else {
            throw op.error(.malformed, "input has shape \(input.shape) with no rows or columns", input)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> ResizeBilinearParams {
        let inShape = op.input(0).shape, outShape = op.output.shape
        return ResizeBilinearParams(
            rows: BilinearSource.taps(inputSize: inShape[1], outputSize: outShape[1], self),
            columns: BilinearSource.taps(inputSize: inShape[2], outputSize: outShape[2], self))
    }
}

/// The constants of one RESIZE_BILINEAR: the two source indices and weights of every output
/// row and of every output column.
public struct ResizeBilinearParams: Sendable, Hashable {
    public var rows: [BilinearSource.Tap], columns: [BilinearSource.Tap]
}

/// Where RESIZE_BILINEAR reads along one spatial axis, in TFLM's integer arithmetic
/// (`ResizeBilinearInteger`, `ComputeInterpolationValuesInteger`).
///
/// `scale10 = (1024 in + out / 2) / out`, or with align_corners and `out > 1`
/// `(1024 (in - 1) + (out - 1) / 2) / (out - 1)` (integer division). Output index `i` sits at
/// `v = i scale10` (half-pixel centers: `+ scale10 / 2 - 512`); it reads `lo = max(v / 1024, 0)`
/// and `hi = min((v + 1023) / 1024, in - 1)` (C division, truncation toward zero) with weights
/// `1024 - (v - 1024 lo)` and `v - 1024 lo`. The weights sum to 1024; one is negative only when
/// `v < 0`, and then `lo == hi`.
public enum BilinearSource {
    /// One output index: the two input indices and their 10-bit weights.
    public struct Tap: Sendable, Hashable {
        public var low: Int, high: Int
        public var lowWeight: Int, highWeight: Int
        public init(low: Int, high: Int, lowWeight: Int, highWeight: Int) {
            self.low = low
            self.high = high
            self.lowWeight = lowWeight
            self.highWeight = highWeight
        }
    }

    /// The position step `scale10` for an axis of `inputSize` resized to `outputSize` (both >= 1).
    public static func scale10(inputSize: Int, outputSize: Int, alignCorners: Bool) -> Int {
        if alignCorners && outputSize > 1 {
            return (1024 * (inputSize - 1) + (outputSize - 1) / 2) / (outputSize - 1)
        }
        return (1024 * inputSize + outputSize / 2) / outputSize
    }

    /// The tap of every output index `0..<outputSize`, in order.
    public static func taps(inputSize: Int, outputSize: Int, _ a: ResizeBilinear) -> [Tap] {
        let scale = scale10(inputSize: inputSize, outputSize: outputSize, alignCorners: a.alignCorners)
        return (0..<outputSize).map { i in
            let v = a.halfPixelCenters ? i * scale + scale / 2 - 512 : i * scale
            let low = max(v / 1024, 0), high = min((v + 1023) / 1024, inputSize - 1)
            let highWeight = v - 1024 * low
            return Tap(low: low, high: high, lowWeight: 1024 - highWeight, highWeight: highWeight)
        }
    }
}
