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
        let function = binaryMultipliers(&block)
        return EmittedCall(statements: [statement(function, [pointer(x1), pointer(x2), pointer(output)])],
                           parameters: block, tables: constantTables([x1, x2]), kernels: [.elementwise])
    }

    /// The zero point, multiplier and clamp fields of ADD / SUB or MUL; the kernel function.
    func binaryMultipliers(_ block: inout ParameterBlock) -> String {
        switch node.op {
        case .add(let op): addSub(&block, op.prepare(operands)); return "mcuc_add_s8"
        case .sub(let op): addSub(&block, op.prepare(operands)); return "mcuc_sub_s8"
        case .mul(let op):
            let p = op.prepare(operands)
            block.set("zp1", p.zeroPoint1); block.set("zp2", p.zeroPoint2)
            block.set("mult", p.multiplier.multiplier); block.set("shift", p.multiplier.shift)
            outputFields(&block, zeroPoint: p.outputZeroPoint, range: p.range)
            return "mcuc_mul_s8"
        default:
            preconditionFailure("binary kernel for \(node.op.name)")
        }
    }

    func addSub(_ block: inout ParameterBlock, _ p: AddSubParams) {
        block.set("zp1", p.zeroPoint1); block.set("zp2", p.zeroPoint2)
        block.set("left_shift", p.leftShift)
        block.set("mult1", p.multiplier1.multiplier); block.set("shift1", p.multiplier1.shift)
        block.set("mult2", p.multiplier2.multiplier); block.set("shift2", p.multiplier2.shift)
        block.set("mult", p.outputMultiplier.multiplier); block.set("shift", p.outputMultiplier.shift)
        outputFields(&block, zeroPoint: p.outputZeroPoint, range: p.range)
    }

    func unary() -> EmittedCall {
        let input = operand(0)
        let count = graph[output].shape.elementCount
        var block = ParameterBlock(type: "mcuc_relu_params", name: parametersName)
        block.set("count", count)
        let (function, kernel): (String, RuntimeKernel)
        switch node.op {
        case .relu(let op): (function, kernel) = ("mcuc_relu_s8", .activations); relu(&block, op.prepare(operands))
        case .relu6(let op):
            (function, kernel) = ("mcuc_relu6_s8", .activations)
            let range = op.prepare(operands).range
            block.set("act_min", range.lowerBound); block.set("act_max", range.upperBound)
        case .leakyRelu(let op):
            (function, kernel) = ("mcuc_leaky_relu_s8", .activations); leakyRelu(&block, op.prepare(operands))
        case .logistic(let op): (function, kernel) = ("mcuc_logistic_s8", .activations); sigmoid(&block, op.prepare(operands))
        case .tanh(let op): (function, kernel) = ("mcuc_tanh_s8", .activations); sigmoid(&block, op.prepare(operands))
        case .hardSwish(let op):
            (function, kernel) = ("mcuc_hard_swish_s8", .activations); hardSwish(&block, op.prepare(operands))
        case .quantize(let op): (function, kernel) = (quantize(&block, op.prepare(operands)), .quantize)
        case .dequantize(let op):
            (function, kernel) = ("mcuc_dequantize_s8_f32", .quantize)
            let p = op.prepare(operands)
            block.type = "mcuc_quantize_params"
            block.set("scale", literal: CWriter.floatLiteral(p.scale))
            block.set("input_zp", p.zeroPoint)
        default: preconditionFailure("unary kernel for \(node.op.name)")
        }
        return EmittedCall(statements: [statement(function, [pointer(input), pointer(output)])], parameters: block,
                           tables: constantTables([input]), kernels: [kernel])
    }

    /// RELU requantizes into `[max(-128, out_zp), 127]`.
    func relu(_ block: inout ParameterBlock, _ p: ReluParams) {
        block.set("input_zp", p.inputZeroPoint); block.set("output_zp", p.outputZeroPoint)
        block.set("mult", p.multiplier.multiplier); block.set("shift", p.multiplier.shift)
        block.set("act_min", p.range.lowerBound); block.set("act_max", p.range.upperBound)
    }

    func leakyRelu(_ block: inout ParameterBlock, _ p: LeakyReluParams) {
        block.type = "mcuc_leaky_relu_params"
        block.set("input_zp", p.inputZeroPoint); block.set("output_zp", p.outputZeroPoint)
        block.set("identity_mult", p.identity.multiplier); block.set("identity_shift", p.identity.shift)
        block.set("alpha_mult", p.alpha.multiplier); block.set("alpha_shift", p.alpha.shift)
    }

    /// LOGISTIC and TANH share `SigmoidParams`.
    func sigmoid(_ block: inout ParameterBlock, _ p: SigmoidParams) {
        block.type = "mcuc_sigmoid_params"
        block.set("input_zp", p.inputZeroPoint)
        block.set("input_multiplier", p.inputMultiplier); block.set("input_left_shift", p.inputLeftShift)
        block.set("input_radius", p.inputRadius)
    }

    func hardSwish(_ block: inout ParameterBlock, _ p: HardSwishParams) {
        block.type = "mcuc_hard_swish_params"
        block.set("input_zp", p.inputZeroPoint); block.set("output_zp", p.outputZeroPoint)
        block.set("output_multiplier", Int(p.outputMultiplier)); block.set("output_exponent", p.outputExponent)
        block.set("reluish_multiplier", Int(p.reluishMultiplier)); block.set("reluish_exponent", p.reluishExponent)
    }

    /// QUANTIZE from float32 or int8; the kernel function.
    func quantize(_ block: inout ParameterBlock, _ p: QuantizeParams) -> String {
        block.type = "mcuc_quantize_params"
        switch p {
        case .fromFloat(let scale, let zeroPoint):
            block.set("output_zp", zeroPoint)
            block.set("scale", literal: CWriter.floatLiteral(scale))
            return "mcuc_quantize_f32_s8"
        case .requantize(let inZp, let outZp, let m):
            block.set("output_zp", outZp)
            block.set("input_zp", inZp)
            block.set("mult", m.multiplier); block.set("shift", m.shift)
            return "mcuc_requantize_s8"
        }
    }

    func softmax() -> EmittedCall {
        guard case .softmax(let op) = node.op else { preconditionFailure("softmax kernel for \(node.op.name)") }
        let input = operand(0)
        let p = op.prepare(operands)
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
