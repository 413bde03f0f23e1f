/// Checks of the ops that reduce, pad or move elements: MEAN, PAD, PADV2, RESHAPE, SQUEEZE and
/// CONCATENATION.
enum LayoutOpChecks {
    /// MEAN over any number of distinct axes. (TFLM's `reduce_common.cc` keeps the resolved axes
    /// in a 2-element stack array and the index in a 5-element one; more axes or a higher rank
    /// overflow them. Observed TFLM builds still compute the mathematical result, which is what
    /// the reference computes.)
    static func mean(_ op: OpCheck) throws(CompileError) {
        let input = op.input(0), axesTensor = op.input(1), output = op.output
        try op.requirePerTensor(input, "input")
        try op.requireConstant(axesTensor, "axes")
        let rank = input.shape.rank
        guard input.shape.elementCount > 0 else {
            throw op.error(.unsupported, "MEAN of an empty tensor", input)
        }
        let rawAxes = op.int32Values(axesTensor)
        for raw in rawAxes {
            guard raw >= -rank && raw < rank else {
                throw op.error(.malformed, "axis \(raw) is out of range for rank \(rank)", axesTensor)
            }
        }
        let axes = MeanReduction.resolvedAxes(rawAxes, rank: rank)
        let kept = input.shape.dims.enumerated().filter { !axes.contains($0.offset) }.reduce(1) { $0 * $1.element }
        guard output.shape.elementCount == kept else {
            throw op.error(.malformed, "output has shape \(output.shape); reducing \(input.shape) over \(axes) "
                           + "leaves \(kept) elements", output)
        }
        try op.requireRescale(RescaleRecipe.ratio(input: input.quant?.scale[0] ?? 0, output: output.quant?.scale[0] ?? 0),
                              "output", output)
    }

    /// TFLM's `PadKernelMaxDimensionCount()`.
    static let maxPadRank = 5

    static func pad(_ op: OpCheck) throws(CompileError) {
        let input = op.input(0), paddings = op.input(1), output = op.output
        let rank = input.shape.rank
        guard rank <= maxPadRank else {
            throw op.error(.unsupported, "\(op.node.op.name) supports inputs up to rank \(maxPadRank), not \(rank)", input)
        }
        try op.requireConstant(paddings, "paddings")
        guard paddings.shape == Shape([rank, 2]) else {
            throw op.error(.malformed, "paddings have shape \(paddings.shape); expected [\(rank), 2]", paddings)
        }
        let values = op.int32Values(paddings)
        guard values.allSatisfy({ $0 >= 0 }) else {
            throw op.error(.malformed, "paddings must not be negative", paddings)
        }
        let expected = Shape((0..<rank).map { input.shape[$0] + Int(values[2 * $0]) + Int(values[2 * $0 + 1]) })
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); padding \(input.shape) gives \(expected)", output)
        }
        if let constant = op.optionalInput(2) {
            try op.requireConstant(constant, "constant value")
            guard constant.shape.elementCount == 1 else {
                throw op.error(.malformed, "constant value has \(constant.shape.elementCount) elements; PADV2 needs 1",
                               constant)
            }
            try op.requireSameQuant(constant, as: output, "constant value must share the output's quantization")
        }
    }

    static func reshape(_ op: OpCheck) throws(CompileError) {
        let input = op.input(0), output = op.output
        guard input.shape.elementCount == output.shape.elementCount else {
            throw op.error(.malformed, "input \(input.shape) and output \(output.shape) have different element counts",
                           output)
        }
    }

    static func concatenation(_ op: OpCheck, _ a: ConcatenationAttrs) throws(CompileError) {
        let output = op.output
        guard a.activation == .none else {
            throw op.error(.unsupported, "CONCATENATION with fused activation \(a.activation) is not supported by TFLM")
        }
        let rank = output.shape.rank
        guard a.axis >= -rank && a.axis < rank else {
            throw op.error(.malformed, "axis \(a.axis) is out of range for rank \(rank)")
        }
        let axis = a.axis < 0 ? a.axis + rank : a.axis
        var total = 0
        for i in op.node.inputs.indices {
            guard let input = op.optionalInput(i) else {
                throw op.error(.malformed, "input \(i) is missing")
            }
            try op.requireSameQuant(input, as: output, "CONCATENATION inputs and output must share one quantization")
            var dims = input.shape.dims
            guard dims.count == rank else {
                throw op.error(.malformed, "input \(i) has shape \(input.shape); the output has rank \(rank)", input)
            }
            total += dims[axis]
            dims[axis] = output.shape[axis]
            guard dims == output.shape.dims else {
                throw op.error(.malformed, "input \(i) has shape \(input.shape), which does not match output "
                               + "\(output.shape) outside axis \(axis)", input)
            }
        }
        guard total == output.shape[axis] else {
            throw op.error(.malformed, "inputs add up to \(total) along axis \(axis); the output has \(output.shape[axis])",
                           output)
        }
    }
}
