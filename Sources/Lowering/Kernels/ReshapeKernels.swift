import IR

extension OpLowering {
    /// RESHAPE / SQUEEZE: a view of the input's bytes (no code) when `ViewDecisions` made it one,
    /// else a copy of the bytes (its input or output is caller-owned, or a constant).
    func reshape() -> KernelCall {
        if let input = views.aliases[node.id] {
            return call(.reshapeAlias, nil, detail: "a view of the input's bytes, no code", contract: .alias(input: input))
        }
        let input = operand(0), bytes = bytes(output)
        let binding = bytes == 0 ? nil : KernelBinding(callee: .copy(bytes: bytes), params: nil,
                                                       arguments: [.tensor(output), .tensor(input)],
                                                       tables: constantTables([input]))
        return call(.copy, binding, detail: "copy")
    }
}
