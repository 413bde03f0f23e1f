/// The int16x8 form of the accumulating ops (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED,
/// TRANSPOSE_CONV) as TFLM's 16x8 reference kernels run them: int16 activations (zero point 0),
/// int8 weights (zero point 0), `sum = Σ w * x` without offsets, the bias added in the
/// accumulator TFLM picks, then `MBQM` (int32 accumulator) or `MBQM64` (int64 accumulator), and
/// the clamp to the fused activation's int16 range (no output zero point is added).
///
/// The sum of one output element is exact in int64 (|w * x| < 2^22, at most 2^31 terms), so a
/// kernel may always sum in int64: TFLM's wrapping int32 accumulator equals that sum plus the
/// bias taken modulo 2^32.
public struct Int16x8Accumulation: Sendable, Hashable {
    /// The accumulator TFLM uses.
    public enum Width: Sendable, Hashable, CustomStringConvertible {
        /// int32 sums and bias, the double-rounding `MBQM`.
        case int32
        /// int64 sums and bias, the single-rounding 16-bit-multiplier `MBQM64`.
        case int64

        /// `int32`, `int64`.
        public var description: String { self == .int32 ? "int32" : "int64" }
    }

    public var width: Width
    /// One bias per output channel as stored (int16, int32 or int64, widened), zeros when the
    /// model has none.
    public var bias: [Int64]

    public init(width: Width, bias: [Int64]) {
        self.width = width
        self.bias = bias
    }

    /// The output of channel `c` whose exact product sum is `sum`: the bias added (modulo 2^32
    /// for `.int32`), rescaled by `output`'s multiplier of `c`, clamped to `output.range`.
    @inlinable
    public func requantize(_ sum: Int64, channel c: Int, _ output: OutputRequantization) -> Int16 {
        let m = output.multiplier(channel: c)
        let scaled: Int32
        switch width {
        case .int32:
            scaled = QuantizedMath.multiplyByQuantizedMultiplier(Int32(truncatingIfNeeded: sum &+ bias[c]), m)
        case .int64:
            scaled = QuantizedMath.multiplyByQuantizedMultiplier64(sum &+ bias[c], m)
        }
        return Int16(truncatingIfNeeded: min(max(scaled, output.range.lowerBound), output.range.upperBound))
    }
}

extension OpOperands {
    /// The element types of an accumulating op: int8 in, int8 out, int32 bias; or int16 in, the
    /// int16x8 rules (`requireInt16x8`) with the bias types `int16BiasTypes`. TFLM takes int4
    /// filters with int8 inputs only.
    func requireAccumulatingTypes(inputPosition: Int = 0, biasPosition: Int = 2, int16BiasTypes: Set<DataType>,
                                  width: Int16x8Accumulation.Width) throws(CompileError) {
        let data = input(inputPosition), filter = input(1)
        guard data.type == .int16 else {
            guard output.type == .int8 else {
                throw error(.unsupported, "output is \(output.type) but the input is int8; \(node.op.name) takes int8 "
                            + "in and out (or int16 in and out)", output)
            }
            if let bias = optionalInput(biasPosition), bias.type != .int32 {
                throw error(.unsupported, "bias has type \(bias.type); int8 \(node.op.name) takes an int32 bias", bias)
            }
            return
        }
        if filter.packedInt4 {
            throw error(.unsupported, "int4-packed filter with int16 input; TFLM takes int4 weights with int8 inputs only",
                        filter)
        }
        try requireInt16x8(inputPosition: inputPosition, biasPosition: biasPosition, biasTypes: int16BiasTypes,
                           width: width)
    }

    /// The int16x8 checks shared by the accumulating ops: int16 input and output with zero point
    /// 0, weights with zero point 0, a bias of a type in `biasTypes` (TFLM reads any other type
    /// as the wrong width), and, for an int64 accumulator, multipliers `MBQM64` takes (shift < 8,
    /// TFLM's assertion).
    func requireInt16x8(inputPosition: Int = 0, biasPosition: Int = 2, biasTypes: Set<DataType>,
                        width: Int16x8Accumulation.Width) throws(CompileError) {
        let data = input(inputPosition), weights = input(1).quant
        for (tensor, role) in [(data, "input"), (output, "output")] {
            guard tensor.type == .int16 else {
                throw error(.unsupported, "\(role) is \(tensor.type) but the input is int16; TFLM's 16x8 "
                            + "\(node.op.name) takes int16 in and out", tensor)
            }
            try requireInt16ZeroPointZero(tensor, role)
        }
        if let bias = optionalInput(biasPosition), !biasTypes.contains(bias.type) {
            let kinds = biasTypes.map(\.description).sorted().joined(separator: " or ")
            throw error(.unsupported, "bias has type \(bias.type); TFLM's 16x8 \(node.op.name) takes \(kinds)", bias)
        }
        guard width == .int64, let weights else { return }
        let inScale = data.quant?.scale[0] ?? 0, outScale = output.quant?.scale[0] ?? 0
        for (c, w) in weights.scale.enumerated() {
            let m = FixedPointMultiplier(real: RescaleRecipe.convolution(input: inScale, weight: w, output: outScale))
            guard m.shift < 8 else {
                throw error(.unsupported, "channel \(c) rescale has shift \(m.shift); TFLM's 64-bit requantization "
                            + "takes shifts below 8", output)
            }
        }
    }

    /// The accumulator TFLM's CONV_2D and FULLY_CONNECTED pick for int16 activations: int32 for
    /// an int32 bias, or without a bias when `quantized_bias_type` says int32; int64 otherwise.
    func int16x8Width(biasPosition: Int = 2, quantizedBiasType: DataType) -> Int16x8Accumulation.Width {
        if let bias = optionalInput(biasPosition) { return bias.type == .int32 ? .int32 : .int64 }
        return quantizedBiasType == .int32 ? .int32 : .int64
    }

    /// The int16x8 accumulation of the op: `width` and the bias operand's values widened (zeros
    /// when the op has none).
    func int16x8Accumulation(width: Int16x8Accumulation.Width, channels: Int,
                             biasPosition: Int = 2) -> Int16x8Accumulation {
        guard let tensor = optionalInput(biasPosition) else {
            return Int16x8Accumulation(width: width, bias: [Int64](repeating: 0, count: channels))
        }
        return Int16x8Accumulation(width: width, bias: widenedIntegers(tensor))
    }

    /// A constant int16, int32 or int64 tensor's elements (little-endian data), widened to int64.
    func widenedIntegers(_ tensor: Tensor) -> [Int64] {
        guard let size = tensor.type.byteSize, [.int16, .int32, .int64].contains(tensor.type),
              let data = tensor.data, data.count % size == 0 else {
            preconditionFailure("\(tensor.id) is not a constant int16, int32 or int64 tensor (checked)")
        }
        return stride(from: 0, to: data.count, by: size).map { start in
            var bits: UInt64 = 0
            for k in 0..<size { bits |= UInt64(data[start + k]) << UInt64(8 * k) }
            let unused = UInt64(64 - 8 * size)
            return Int64(bitPattern: bits << unused) >> Int64(unused)   // sign-extends
        }
    }
}
