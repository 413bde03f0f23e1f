import IR

/// `mcuc_relu_params` (`Templates/kernels/mcuc_activations.h`): RELU, and RELU6, which clamps the
/// raw values to `[act_min, act_max]` and leaves the zero points, `mult` and `shift` 0.
struct ReluKernelParams: KernelParams {
    static let cType = "mcuc_relu_params"
    var count: Int32
    var inputZp: Int32, outputZp: Int32
    var mult: Int32, shift: Int32
    var actMin: Int32, actMax: Int32
}

/// `mcuc_leaky_relu_params`: LEAKY_RELU.
struct LeakyReluKernelParams: KernelParams {
    static let cType = "mcuc_leaky_relu_params"
    var count: Int32
    var inputZp: Int32, outputZp: Int32
    var identityMult: Int32, identityShift: Int32
    var alphaMult: Int32, alphaShift: Int32
}

/// `mcuc_sigmoid_params`: LOGISTIC and TANH.
struct SigmoidKernelParams: KernelParams {
    static let cType = "mcuc_sigmoid_params"
    var count: Int32
    var inputZp: Int32
    var inputMultiplier: Int32, inputLeftShift: Int32
    var inputRadius: Int32
}

/// `mcuc_hard_swish_params`: HARD_SWISH.
struct HardSwishKernelParams: KernelParams {
    static let cType = "mcuc_hard_swish_params"
    var count: Int32
    var inputZp: Int32, outputZp: Int32
    var outputMultiplier: Int32, outputExponent: Int32
    var reluishMultiplier: Int32, reluishExponent: Int32
}

extension OpLowering {
    func relu(_ p: ReluParams) -> KernelCall {
        unary(unaryBinding(.activations, "mcuc_relu_s8", ReluKernelParams(
            count: count(output), inputZp: p.inputZeroPoint, outputZp: p.outputZeroPoint, mult: p.multiplier.multiplier,
            shift: p.multiplier.shift, actMin: p.range.lowerBound, actMax: p.range.upperBound)))
    }

    /// ABS: RELU's params, `|x - in_zp|` requantized.
    func abs(_ p: ReluParams) -> KernelCall {
        unary(unaryBinding(.activations, "mcuc_abs_s8", ReluKernelParams(
            count: count(output), inputZp: p.inputZeroPoint, outputZp: p.outputZeroPoint, mult: p.multiplier.multiplier,
            shift: p.multiplier.shift, actMin: p.range.lowerBound, actMax: p.range.upperBound)))
    }

    func relu6(_ p: Relu6Params) -> KernelCall {
        unary(unaryBinding(.activations, "mcuc_relu6_s8", ReluKernelParams(
            count: count(output), inputZp: 0, outputZp: 0, mult: 0, shift: 0, actMin: p.range.lowerBound,
            actMax: p.range.upperBound)))
    }

    func leakyRelu(_ p: LeakyReluParams) -> KernelCall {
        unary(unaryBinding(.activations, "mcuc_leaky_relu_s8", LeakyReluKernelParams(
            count: count(output), inputZp: p.inputZeroPoint, outputZp: p.outputZeroPoint,
            identityMult: p.identity.multiplier, identityShift: p.identity.shift, alphaMult: p.alpha.multiplier,
            alphaShift: p.alpha.shift)))
    }

    /// LOGISTIC (`mcuc_logistic_s8`) and TANH (`mcuc_tanh_s8`).
    func sigmoid(_ p: SigmoidParams, symbol: String) -> KernelCall {
        unary(unaryBinding(.activations, symbol, SigmoidKernelParams(
            count: count(output), inputZp: p.inputZeroPoint, inputMultiplier: p.inputMultiplier,
            inputLeftShift: p.inputLeftShift, inputRadius: p.inputRadius)))
    }

    func hardSwish(_ p: HardSwishParams) -> KernelCall {
        unary(unaryBinding(.activations, "mcuc_hard_swish_s8", HardSwishKernelParams(
            count: count(output), inputZp: p.inputZeroPoint, outputZp: p.outputZeroPoint,
            outputMultiplier: Int32(p.outputMultiplier), outputExponent: p.outputExponent,
            reluishMultiplier: Int32(p.reluishMultiplier), reluishExponent: p.reluishExponent)))
    }
}

/// `mcuc_lut_params`: ELU, RSQRT (an int8 function given by its 256 values; inputs below
/// `lowest` stop the kernel with `MCUC_ERROR_INPUT_DOMAIN`).
struct LookupTableKernelParams: KernelParams {
    static let cType = "mcuc_lut_params"
    var count: Int32
    var table: TableRef
    var lowest: Int32
}

extension OpLowering {
    /// ELU, RSQRT: one lookup per element in the op's 256-entry table (in Flash).
    func lookupTable(_ p: LookupTableParams) -> KernelCall {
        let table = ConstantTable(id: .call(node.id, role: "table"), kind: .indices("output per input byte"),
                                  values: .int8(p.table))
        let params = LookupTableKernelParams(count: count(output), table: table.ref, lowest: Int32(p.lowestValidInput))
        return unary(bind(.activations, "mcuc_lut_s8", params, [.tensor(operand(0)), .tensor(output)],
                          tables: constantTables([operand(0)]) + [table]))
    }
}
