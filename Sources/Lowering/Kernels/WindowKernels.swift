import IR

/// What the sliding-window kernels (convolutions, depthwise, pools) share: the window with a
/// folded PAD, the row-streaming gap, the weight and requantization tables.
extension OpLowering {
    /// The op's window `w` extended by a folded PAD, when one was folded into this node.
    func window(_ w: ConvWindow) -> ConvWindow {
        guard let fold = views.foldedPads[node.id] else { return w }
        return w.adding(top: fold.top, left: fold.left, bottom: fold.bottom, right: fold.right)
    }

    /// The row-streaming gap of window `w` from the data input to the output (`StreamingGap.rows`).
    func rowGap(_ w: ConvWindow) -> Int {
        let input = graph[dataInput].shape, out = graph[output].shape
        return StreamingGap.rows(window: w, batches: out[0], inputHeight: input[1], outputHeight: out[1],
                                 inputRowBytes: input[2] * input[3] * elementBytes(dataInput),
                                 outputRowBytes: out[2] * out[3] * elementBytes(output))
    }

    /// The weights of operand 1 as stored, for a kernel that reads them in that order.
    /// Packed two per byte (`Int4Packing`) when the filter is int4-packed in the model.
    func weightTable(_ values: [Int8]) -> ConstantTable {
        let stored = hasPackedInt4Filter ? Int4Packing.pack(values).map { Int8(bitPattern: $0) } : values
        return ConstantTable(id: .call(node.id, role: "filter"), kind: .weights(source: operand(1)), values: .int8(stored))
    }

    /// The bias table: the model's bias, or the bias with the input zero point folded in.
    func biasTable(_ values: [Int32], folded: Bool) -> ConstantTable {
        ConstantTable(id: .call(node.id, role: "bias"), kind: .bias(folded: folded), values: .int32(values))
    }

    /// The multiplier and shift tables of `output` (one entry per channel, or one shared).
    func requantizationTables(_ output: OutputRequantization) -> (mult: ConstantTable, shift: ConstantTable) {
        (ConstantTable(id: .call(node.id, role: "mult"), kind: .multipliers,
                       values: .int32(output.multipliers.map(\.multiplier))),
         ConstantTable(id: .call(node.id, role: "shift"), kind: .shifts, values: .int32(output.multipliers.map(\.shift))))
    }
}

extension ConvWindow {
    /// True when no tap can fall outside the input (no padding on any side): the input zero point
    /// may then be folded into the bias exactly.
    var allTapsInBounds: Bool { padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0 }
}
