/// The constants of one integer SVDF, as TFLM's PrepareSvdf derives them.
///
/// Per invoke and batch row `b`: each filter's memory (`M` state values) shifts left by one; the
/// new last value of filter `f` is `T(zp_s + clamp_T(MBQM(Σ_i wf[f][i] (x[b][i] - zp_x), M1)))`
/// (T is the state type; the sum with the zero point wraps to T as TFLM's store does). Then for
/// each unit `u`: `acc = bias[u] + Σ_{r < rank} Σ_j wt[f][j] (s[b][f][j] - zp_s)` with
/// `f = u * rank + r` (int32, wrapping), and `out = clamp_i8(MBQM(acc, M2) + zp_out)`.
public struct SvdfParams: Sendable, Hashable {
    public var batches: Int, inputSize: Int, filters: Int, units: Int, rank: Int, memory: Int
    /// True for an int16 state and weights_time, false for int8.
    public var stateIsInt16: Bool
    public var inputZeroPoint: Int32, stateZeroPoint: Int32, outputZeroPoint: Int32
    /// `s_x s_wf / s_state` and `s_state s_wt / s_out`.
    public var featureMultiplier: FixedPointMultiplier, outputMultiplier: FixedPointMultiplier
    /// `[filters][inputSize]`, as stored.
    public var weightsFeature: [Int8]
    /// `[filters][memory]`, widened from int16 or int8.
    public var weightsTime: [Int32]
    /// `[units]`.
    public var bias: [Int32]

    /// The real rescales as the pinned TFLM computes them: products and quotient of float32
    /// scales in float32, then widened to double.
    struct Scales {
        let feature: Double, output: Double, bias: Double, stateTimesWeights: Double

        init(_ op: OpOperands) {
            typealias O = Svdf.Operand
            let x = op.scale(op.input(O.input)), wf = op.scale(op.input(O.weightsFeature))
            let wt = op.scale(op.input(O.weightsTime)), s = op.scale(op.input(O.state)), out = op.scale(op.output)
            feature = Double(x * wf / s)
            output = Double(s * wt / out)
            bias = Double(op.scale(op.input(O.bias)))
            stateTimesWeights = Double(s * wt)
        }
    }

    init(_ op: OpOperands, _ svdf: Svdf) {
        typealias O = Svdf.Operand
        let input = op.input(O.input), wt = op.input(O.weightsTime), state = op.input(O.state)
        batches = input.shape[0]
        inputSize = input.shape[1]
        filters = op.input(O.weightsFeature).shape[0]
        rank = svdf.rank
        units = filters / svdf.rank
        memory = wt.shape[1]
        stateIsInt16 = state.type == .int16
        inputZeroPoint = op.zeroPoint(input)
        stateZeroPoint = op.zeroPoint(state)
        outputZeroPoint = op.zeroPoint(op.output)
        let scales = Scales(op)
        featureMultiplier = FixedPointMultiplier(real: scales.feature)
        outputMultiplier = FixedPointMultiplier(real: scales.output)
        weightsFeature = op.int8Values(op.input(O.weightsFeature))
        let bytes = wt.data ?? []
        weightsTime = stateIsInt16
            ? stride(from: 0, to: bytes.count - 1, by: 2).map { Int32(Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)) }
            : bytes.map { Int32(Int8(bitPattern: $0)) }
        bias = op.int32Values(op.input(O.bias))
    }

    /// The state value stored for one feature product `dot` (int32): clamped to the state type,
    /// plus the zero point, wrapped to the state type as TFLM's assignment does.
    public func stateValue(_ dot: Int32) -> Int32 {
        let m = QuantizedMath.multiplyByQuantizedMultiplier(dot, featureMultiplier)
        let clamped = stateIsInt16 ? min(max(m, -32768), 32767) : min(max(m, -128), 127)
        let sum = stateZeroPoint &+ clamped
        return stateIsInt16 ? Int32(Int16(truncatingIfNeeded: sum)) : Int32(Int8(truncatingIfNeeded: sum))
    }
}
