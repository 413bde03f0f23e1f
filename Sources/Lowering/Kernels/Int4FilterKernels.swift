import IR

extension OpLowering {
    /// True when the node's filter (operand 1) is int4-packed (`Tensor.packedInt4`).
    var hasPackedInt4Filter: Bool { node.input(1).map { graph[$0].packedInt4 } ?? false }

    /// A call of a CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED whose filter is int4-packed: the
    /// portable `<symbol>_int4` on every core, which unpacks the packed filter table (`weightTable`)
    /// into the call's scratch (one byte per value, as TFLM's arena scratch) and then runs `symbol`
    /// with its loop order, so `contract` (the int8 kernel's) holds.
    func int4FilterCall(_ kernel: Kernel, _ family: KernelFamily, _ symbol: String, _ params: some KernelParams,
                        input: TensorID, tables: [ConstantTable], detail: String,
                        contract: MemoryContract) -> KernelCall {
        let function = KernelFunction.portable(family, symbol + "_int4")
        let binding = KernelBinding(callee: .kernel(function), params: params,
                                    arguments: [.tensor(input), .tensor(output), .scratch], tables: tables)
        return call(kernel, binding, detail: detail + ", int4 filter unpacked to scratch",
                    scratch: graph[operand(1)].shape.elementCount, contract: contract)
    }
}
