import IR

/// ADD, SUB, MUL (with broadcasting), the unary activations, QUANTIZE, DEQUANTIZE and SOFTMAX.
extension CallEmitter {
    func binary() throws(CompileError) -> EmittedCall {
        let x1 = operand(0), x2 = operand(1)
        var block = ParameterBlock(type: "mcuc_binary_params", name: parametersName)
        let shape = graph[output].shape
        block.set("rank", 0)
        block.set("count", shape.elementCount)
        if graph[x1].shape != shape || graph[x2].shape != shape {
            guard shape.rank <= CodeGen.maxRank else {
                throw error("broadcasting over rank \(shape.rank) exceeds the runtime's \(CodeGen.maxRank)")
            }
            block.fields[0] = ParameterField(field: "rank", value: String(shape.rank))
            block.set("dims", array: shape.dims)
            block.set("stride1", array: BroadcastStrides.of(graph[x1].shape, into: shape))
            block.set("stride2", array: BroadcastStrides.of(graph[x2].shape, into: shape))
        }
        block.set("zp1", quant(x1).zeroPoint[0]); block.set("zp2", quant(x2).zeroPoint[0])
        let (function, activation) = binaryMultipliers(&block, scales: (quant(x1).scale[0], quant(x2).scale[0]))
        outputFields(&block, activation: activation)
        return EmittedCall(statements: [statement(function, [pointer(x1), pointer(x2), pointer(output)])],
                           parameters: block, tables: constantTables([x1, x2]), kernels: [.elementwise])
    }

    /// The multiplier fields of ADD / SUB (`RescaleRecipe.addSub`) or MUL; the kernel function
    /// and the fused activation.
    func binaryMultipliers(_ block: inout ParameterBlock, scales: (Float, Float)) -> (String, FusedActivation) {
        let outScale = quant(output).scale[0]
        switch node.op {
        case .add(let a), .sub(let a):
            var subtract = false
            if case .sub = node.op { subtract = true }
            let recipe = RescaleRecipe.addSub(input1: scales.0, input2: scales.1, output: outScale, subtract: subtract)
            let m1 = FixedPointMultiplier(real: recipe.input1), m2 = FixedPointMultiplier(real: recipe.input2)
            let mo = FixedPointMultiplier(real: recipe.output)
            block.set("left_shift", recipe.leftShift)
            block.set("mult1", m1.multiplier); block.set("shift1", m1.shift)
            block.set("mult2", m2.multiplier); block.set("shift2", m2.shift)
            block.set("mult", mo.multiplier); block.set("shift", mo.shift)
            return (subtract ? "mcuc_sub_s8" : "mcuc_add_s8", a.activation)
        case .mul(let a):
            let m = FixedPointMultiplier(real: RescaleRecipe.mul(input1: scales.0, input2: scales.1, output: outScale))
            block.set("mult", m.multiplier); block.set("shift", m.shift)
            return ("mcuc_mul_s8", a.activation)
        default:
            preconditionFailure("binary kernel for \(node.op.name)")
        }
    }

    func unary() -> EmittedCall {
        let input = operand(0)
        let count = graph[output].shape.elementCount
        let (block, function, kernel): (ParameterBlock, String, RuntimeKernel)
        switch node.op {
        case .relu, .relu6: (block, function, kernel) = (relu(count: count), node.op == .relu6 ? "mcuc_relu6_s8" : "mcuc_relu_s8", .activations)
        case .leakyRelu(let a): (block, function, kernel) = (leakyRelu(a, count: count), "mcuc_leaky_relu_s8", .activations)
        case .logistic: (block, function, kernel) = (sigmoid(count: count), "mcuc_logistic_s8", .activations)
        case .tanh: (block, function, kernel) = (sigmoid(count: count), "mcuc_tanh_s8", .activations)
        case .hardSwish: (block, function, kernel) = (hardSwish(count: count), "mcuc_hard_swish_s8", .activations)
        case .quantize, .dequantize:
            let (b, f) = quantization(input: input, count: count)
            (block, function, kernel) = (b, f, .quantize)
        default: preconditionFailure("unary kernel for \(node.op.name)")
        }
        return EmittedCall(statements: [statement(function, [pointer(input), pointer(output)])], parameters: block,
                           tables: constantTables([input]), kernels: [kernel])
    }

    /// RELU requantizes into `[max(-128, out_zp), 127]`; RELU6 clamps in the input's quantization.
    func relu(count: Int) -> ParameterBlock {
        var block = ParameterBlock(type: "mcuc_relu_params", name: parametersName)
        block.set("count", count)
        let inQ = quant(operand(0)), outQ = quant(output)
        if case .relu6 = node.op {
            let range = ActivationRange.relu6(input: inQ)
            block.set("act_min", range.lowerBound); block.set("act_max", range.upperBound)
            return block
        }
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: inQ.scale[0], output: outQ.scale[0]))
        block.set("input_zp", inQ.zeroPoint[0]); block.set("output_zp", outQ.zeroPoint[0])
        block.set("mult", m.multiplier); block.set("shift", m.shift)
        block.set("act_min", max(-128, outQ.zeroPoint[0])); block.set("act_max", 127)
        return block
    }

    func leakyRelu(_ a: LeakyReluAttrs, count: Int) -> ParameterBlock {
        let p = LeakyReluParams(alpha: a.alpha, input: quant(operand(0)), output: quant(output))
        var block = ParameterBlock(type: "mcuc_leaky_relu_params", name: parametersName)
        block.set("count", count)
        block.set("input_zp", p.inputZeroPoint); block.set("output_zp", p.outputZeroPoint)
        block.set("identity_mult", p.identity.multiplier); block.set("identity_shift", p.identity.shift)
        block.set("alpha_mult", p.alpha.multiplier); block.set("alpha_shift", p.alpha.shift)
        return block
    }

    /// LOGISTIC and TANH share `SigmoidParams`.
    func sigmoid(count: Int) -> ParameterBlock {
        guard let p = SigmoidParams(inputScale: quant(operand(0)).scale[0]) else {
            preconditionFailure("sigmoid input scale checked by SupportCheck")
        }
        var block = ParameterBlock(type: "mcuc_sigmoid_params", name: parametersName)
        block.set("count", count)
        block.set("input_zp", quant(operand(0)).zeroPoint[0])
        block.set("input_multiplier", p.inputMultiplier); block.set("input_left_shift", p.inputLeftShift)
        block.set("input_radius", p.inputRadius)
        return block
    }

    func hardSwish(count: Int) -> ParameterBlock {
        let p = HardSwishParams(input: quant(operand(0)), output: quant(output))
        var block = ParameterBlock(type: "mcuc_hard_swish_params", name: parametersName)
        block.set("count", count)
        block.set("input_zp", p.inputZeroPoint); block.set("output_zp", p.outputZeroPoint)
        block.set("output_multiplier", Int(p.outputMultiplier)); block.set("output_exponent", p.outputExponent)
        block.set("reluish_multiplier", Int(p.reluishMultiplier)); block.set("reluish_exponent", p.reluishExponent)
        return block
    }

    /// QUANTIZE (from float32 or int8) and DEQUANTIZE.
    func quantization(input: TensorID, count: Int) -> (ParameterBlock, String) {
        var block = ParameterBlock(type: "mcuc_quantize_params", name: parametersName)
        block.set("count", count)
        if case .dequantize = node.op {
            let q = quant(input)
            block.set("scale", literal: CWriter.floatLiteral(q.scale[0]))
            block.set("input_zp", q.zeroPoint[0])
            return (block, "mcuc_dequantize_s8_f32")
        }
        let out = quant(output)
        block.set("output_zp", out.zeroPoint[0])
        if graph[input].type == .float32 {
            block.set("scale", literal: CWriter.floatLiteral(out.scale[0]))
            return (block, "mcuc_quantize_f32_s8")
        }
        let inQ = quant(input)
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: inQ.scale[0], output: out.scale[0]))
        block.set("input_zp", inQ.zeroPoint[0])
        block.set("mult", m.multiplier); block.set("shift", m.shift)
        return (block, "mcuc_requantize_s8")
    }

    func softmax() -> EmittedCall {
        guard case .softmax(let a) = node.op else { preconditionFailure("softmax kernel for \(node.op.name)") }
        let input = operand(0)
        guard let p = SoftmaxParams(beta: a.beta, inputScale: quant(input).scale[0]) else {
            preconditionFailure("softmax parameters checked by SupportCheck")
        }
        let shape = graph[input].shape
        let depth = shape.rank == 0 ? 1 : shape[-1]
        var block = ParameterBlock(type: "mcuc_softmax_params", name: parametersName)
        block.set("rows", depth == 0 ? 0 : shape.elementCount / depth)
        block.set("depth", depth)
        block.set("input_multiplier", p.inputMultiplier); block.set("input_left_shift", p.inputLeftShift)
        block.set("diff_min", p.diffMin)
        var result = EmittedCall(parameters: block, tables: constantTables([input]), kernels: [.softmax])
        result.statements = ["if (" + String(statement("mcuc_softmax_s8", [pointer(input), pointer(output)]).dropLast())
                             + " != MCUC_OK) { return MCUC_ERROR_SOFTMAX_RANGE; }"]
        return result
    }
}
