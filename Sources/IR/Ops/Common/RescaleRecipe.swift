/// The real-valued rescale factors of the int8 kernels, computed from float32 scales with exactly
/// the float/double arithmetic TFLM uses (the rounding of these products decides the last bit of
/// the fixed-point multipliers). `FixedPointMultiplier(real:)` turns them into integers.
///
/// The per-op checks verify that each factor is representable; the reference kernels and the
/// code generator use the same functions, so there is one recipe per op.
public enum RescaleRecipe {
    /// CONV_2D, DEPTHWISE_CONV_2D and per-channel FULLY_CONNECTED, per output channel
    /// (`PopulateConvolutionQuantizationParams`): `double(in) * double(w) / double(out)`.
    public static func convolution(input: Float, weight: Float, output: Float) -> Double {
        Double(input) * Double(weight) / Double(output)
    }

    /// Per-tensor FULLY_CONNECTED (`GetQuantizedConvolutionMultipler`): `double(in) * double(w) /
    /// double(out)`. (A 2026-08 TFLM source rounds the product to float32 first; the pinned wheel
    /// does not: `Tests/Fixtures/probes/fully_connected_per_tensor_scale_product` separates the two.)
    public static func fullyConnectedPerTensor(input: Float, weight: Float, output: Float) -> Double {
        Double(input) * Double(weight) / Double(output)
    }

    /// MUL: `double(s1) * double(s2) / double(out)`.
    public static func mul(input1: Float, input2: Float, output: Float) -> Double {
        Double(input1) * Double(input2) / Double(output)
    }

    /// MEAN (and plain requantization): `double(in) / double(out)`.
    public static func ratio(input: Float, output: Float) -> Double {
        Double(input) / Double(output)
    }

    /// RSQRT (`SetRsqrtOutputMultiplier`): `1 / (sqrt(double(in)) * double(out))`. (A 2026-08 TFLM
    /// source takes `sqrtf(in) * out` in float32 first; the pinned wheel works in double.)
    public static func rsqrt(input: Float, output: Float) -> Double {
        1 / (Double(input).squareRoot() * Double(output))
    }

    /// The three rescales of ADD and SUB: each input is shifted left by `leftShift` and scaled
    /// by its multiplier, the sum (or difference) is scaled by `output`.
    public struct AddSub: Sendable, Hashable {
        /// Left shift applied to `(x - zp)` before scaling (20 for int8, 15 for int16).
        public var leftShift: Int32
        /// Multiplier of input 0 after the left shift (in (0, 0.5]).
        public var input1: Double
        /// Multiplier of input 1 after the left shift (in (0, 0.5]).
        public var input2: Double
        /// Multiplier of the sum or difference back to the output scale.
        public var output: Double
    }

    /// ADD and SUB (`add_common.cc`, `sub_common.cc`), all in double:
    /// `twice_max = 2 * max(s1, s2)`, `m_i = s_i / twice_max`, `m_out = twice_max / (2^shift * s_out)`
    /// with TFLM's `left_shift`: 20 for int8, 15 for int16 (`65535 << 15` still fits in int32).
    /// (Some TFLM sources compute SUB's factors in float32; the `tflite-micro` wheel the project
    /// tests against matches the double recipe and not the float one.) `subtract` names the op
    /// at call sites; both ops use the same factors (SUB subtracts the scaled inputs).
    public static func addSub(input1: Float, input2: Float, output: Float, subtract: Bool = false,
                              type: DataType = .int8) -> AddSub {
        let leftShift: Int32 = type == .int16 ? 15 : 20
        let twiceMax = 2 * Double(max(input1, input2))
        return AddSub(leftShift: leftShift,
                      input1: Double(input1) / twiceMax,
                      input2: Double(input2) / twiceMax,
                      output: twiceMax / (Double(1 << leftShift) * Double(output)))
    }
}
