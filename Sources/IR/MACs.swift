extension Graph {
    /// Multiply-accumulates of one inference of `node`, mcuc's one definition of a MAC: one weight
    /// tap times one activation, added to an accumulator (`OperatorDefinition.macs`). CONV_2D,
    /// DEPTHWISE_CONV_2D and FULLY_CONNECTED count one per weight tap per output element; every
    /// other op, elementwise ADD, SUB and MUL included, counts 0 (their per-element arithmetic is a
    /// rescale, not a multiply-accumulate). `inspect`, `simulate` and the reports all use this.
    /// Saturates instead of overflowing on hostile shapes.
    public func macs(of node: Node) -> Int {
        guard !node.outputs.isEmpty, let definition = node.op.definition else { return 0 }
        return definition.macs(OpOperands(node: node, graph: self))
    }

    /// Sum of `macs(of:)` over all nodes (saturating).
    public var totalMACs: Int {
        var total = 0
        for node in nodes {
            let (sum, overflow) = total.addingReportingOverflow(macs(of: node))
            total = overflow ? Int.max : sum
        }
        return total
    }
}

/// Product of non-negative factors, `Int.max` on overflow.
func saturatingProduct(_ factors: [Int]) -> Int {
    var result = 1
    for f in factors {
        let (p, overflow) = result.multipliedReportingOverflow(by: f)
        if overflow { return Int.max }
        result = p
    }
    return result
}
