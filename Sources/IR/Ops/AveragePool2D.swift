/// AVERAGE_POOL_2D, int8 or int16 (TFLM `reference_integer_ops::AveragePool`, both types): the
/// sum of the raw values over the `n` in-bounds taps, `avg = sum > 0 ? (sum + n/2) / n : (sum - n/2) / n` (C
/// truncation), clamped to the fused activation's range. Padding is computed like a SAME / VALID
/// convolution with dilation 1; only in-bounds taps count. Input and output share one
/// quantization (checked).
public struct AveragePool2D: Pool2DDefinition {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var filterH: Int, filterW: Int
    public var activation: FusedActivation

    public init(padding: Padding, strideH: Int, strideW: Int, filterH: Int, filterW: Int, activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.filterH = filterH
        self.filterW = filterW
        self.activation = activation
    }

    public static let name = "AVERAGE_POOL_2D"
    public static let support = OperatorSupport(types: "int8 or int16", options: "any window and stride, SAME/VALID; fused clamps")
}
