import IR
import Testing

/// Clamp ranges of fused activations and RELU6 (TFLM `CalculateActivationRangeQuantized`).
@Suite struct ActivationRangeTests {
    @Test func fusedActivationRanges() {
        let q = QuantParams.perTensor(scale: 0.05, zeroPoint: -20)
        #expect(ActivationRange.fused(.none, output: q) == -128...127)
        #expect(ActivationRange.fused(.relu, output: q) == -20...127)
        #expect(ActivationRange.fused(.relu6, output: q) == -20...100)
        #expect(ActivationRange.fused(.reluN1To1, output: q) == -40...0)
    }

    @Test func boundsSaturateToInt8() {
        // 6 / 0.01 + 100 = 700 is clamped to 127; -1 / 0.001 - 100 = -1100 to -128.
        #expect(ActivationRange.fused(.relu6, output: .perTensor(scale: 0.01, zeroPoint: 100)) == 100...127)
        #expect(ActivationRange.fused(.reluN1To1, output: .perTensor(scale: 0.001, zeroPoint: -100)) == -128...127)
    }

    @Test func relu6ClampsInTheInputQuantization() {
        #expect(ActivationRange.relu6(input: .perTensor(scale: 0.05, zeroPoint: -20)) == -20...100)
        #expect(ActivationRange.relu6(input: .perTensor(scale: 0.01, zeroPoint: 0)) == 0...127)
        #expect(ActivationRange.relu6(input: .perTensor(scale: 1, zeroPoint: 127)) == 127...127)
    }
}
