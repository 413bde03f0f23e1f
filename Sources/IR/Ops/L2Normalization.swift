/// L2_NORMALIZATION over the last axis, int8 (TFLM `l2norm.cc`,
/// `reference_integer_ops::L2Normalization`). Per row, `acc = Σ (x - zp_in)^2` (int32),
/// `(M, s) = InverseSqrt(acc)`, and each element `clamp(MBQM(x - zp_in, M, s + 7))`: a Q0.7 value
/// (scale 1/128, zero point 0). TFLM does not check the output quantization and writes these
/// values whatever it says; mcuc does the same. Rank at most 4 and no fused activation, as TFLM's
/// Prepare requires.
public struct L2Normalization: OperatorDefinition {
    public var activation: FusedActivation
    public init(activation: FusedActivation = .none) { self.activation = activation }

    public static let name = "L2_NORMALIZATION"
    public static let support = OperatorSupport(
        types: "int8",
        options: "rank 1 to 4, over the last axis; no fused activation (as TFLM); values written in steps of 1/128 "
            + "from zero point 0 whatever the output quantization says (as TFLM)")
    public static let inputCounts = 1...1

    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] { [("act", "\(activation)")] }

    /// The left shift from the inverse square root to the Q0.7 output.
    static let outputShift: Int32 = 7

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0)
        guard (1...4).contains(input.shape.rank) else {
            throw op.error(.unsupported, "input has rank \(input.shape.rank); TFLM's L2_NORMALIZATION takes rank 1 to 4", input)
        }
        try op.requireSameShape()
        guard activation == .none else {
            throw op.error(.unsupported, "fused activation \(activation): TFLM's L2_NORMALIZATION runs without one")
        }
        try op.requirePerTensor(input, "input")
        // Σ (x - zp)^2 must fit TFLM's int32 accumulator.
        let zp = Int(op.zeroPoint(input)), largest = max(127 - zp, zp + 128)
        let depth = input.shape[-1]
        guard depth <= Int(Int32.max) / max(1, largest * largest) else {
            throw op.error(.unsupported, "a row of \(depth) values may have a sum of squares above 2^31 (input zero point "
                           + "\(zp)), which overflows TFLM's int32 accumulator", input)
        }
    }

    public func prepare(_ op: OpOperands) -> L2NormParams {
        let input = op.input(0)
        let depth = input.shape[-1]
        return L2NormParams(rows: depth == 0 ? 0 : input.shape.elementCount / depth, depth: depth,
                            inputZeroPoint: op.zeroPoint(input))
    }
}

/// The constants of one L2_NORMALIZATION: rows of `depth` values over the last axis.
public struct L2NormParams: Sendable, Hashable {
    public var rows: Int, depth: Int
    public var inputZeroPoint: Int32

    /// One normalized row: `x` minus the zero point, times `InverseSqrt` of its sum of squares,
    /// in Q0.7 (TFLM's arithmetic; the C kernel `mcuc_l2norm_s8` does the same).
    public func normalize(_ x: ArraySlice<Int8>) -> [Int8] {
        let v = x.map { Int32($0) - inputZeroPoint }
        let acc = v.reduce(Int32(0)) { $0 + $1 * $1 }
        let inv = InverseSqrt.multiplier(acc)
        let m = FixedPointMultiplier(multiplier: inv.multiplier, shift: inv.shift + L2Normalization.outputShift)
        return v.map { QuantizedMath.clampToInt8(QuantizedMath.multiplyByQuantizedMultiplier($0, m), -128...127) }
    }
}
