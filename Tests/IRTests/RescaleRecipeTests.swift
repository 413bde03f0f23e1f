import IR
import Testing

/// The rescale recipes reproduce TFLM's float/double arithmetic to the last multiplier bit
/// (expected multipliers computed once with an independent Python QuantizeMultiplier).
@Suite struct RescaleRecipeTests {
    @Test func perTensorFullyConnectedMultipliesTheScalesInDouble() {
        // A float32 product would give (1741071448, -10); the pinned TFLM wheel computes the
        // product in double (ProbeTests runs Tests/Fixtures/probes, which separates the two).
        let (i, w, o): (Float, Float, Float) = (0.00012645625974982977, 0.06126640364527702, 0.00978534109890461)
        #expect(FixedPointMultiplier(real: RescaleRecipe.fullyConnectedPerTensor(input: i, weight: w, output: o))
                == FixedPointMultiplier(multiplier: 1741071368, shift: -10))
        #expect(RescaleRecipe.fullyConnectedPerTensor(input: i, weight: w, output: o)
                == RescaleRecipe.convolution(input: i, weight: w, output: o))
    }

    @Test func addSubFactorsAreComputedInDouble() {
        // Scales where a float32 recipe would give (1759245312, -3) and (2124545920, -17); TFLM's
        // SUB output matches the double ones (see AddSubTests.subMatchesTFLMDoubleRecipe).
        let (s1, s2, so): (Float, Float, Float) = (0.050156716257333755, 0.010272251442074776, 0.012674558907747269)
        let r = RescaleRecipe.addSub(input1: s1, input2: s2, output: so)
        #expect(r.leftShift == 20)
        #expect(FixedPointMultiplier(real: r.input1) == FixedPointMultiplier(multiplier: 1073741824, shift: 0))
        #expect(FixedPointMultiplier(real: r.input2) == FixedPointMultiplier(multiplier: 1759245313, shift: -3))
        #expect(FixedPointMultiplier(real: r.output) == FixedPointMultiplier(multiplier: 2124545887, shift: -17))
    }

    @Test func equalScalesGiveExactPowersOfTwo() {
        let r = RescaleRecipe.addSub(input1: 1, input2: 1, output: 1)
        #expect(r.input1 == 0.5 && r.input2 == 0.5 && r.output == 2.0 / 1_048_576)
        #expect(RescaleRecipe.mul(input1: 0.5, input2: 0.5, output: 0.25) == 1)
        #expect(RescaleRecipe.ratio(input: 0.5, output: 0.25) == 2)
    }
}
