import IR
import Lowering
import Scheduling
import Testing
import TestSupport

extension KernelChoiceTests {
    static let viewCases: [Case] = [
        Case(name: "add overwrites the operand that dies", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 4, 4, 2])
                 let y = b.op(.relu(Relu()), [x], [1, 4, 4, 2])
                 let z = b.op(.add(Add(activation: .none)), [x, y], [1, 4, 4, 2])
                 return (b.build(outputs: [z, x]), NodeID(1))
             }, kernel: "binary", scratch: 0, contract: "streaming(t1, gap 0, read-then-write)"),
        Case(name: "add never overwrites a broadcast operand", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 4, 4, 2])
                 let c = b.op(.relu(Relu()), [b.input([1, 1, 1, 2])], [1, 1, 1, 2])
                 let z = b.op(.add(Add(activation: .none)), [c, x], [1, 4, 4, 2])
                 return (b.build(outputs: [z]), NodeID(1))
             }, kernel: "binary", scratch: 0, contract: "streaming(t0, gap 0, read-then-write)"),
        Case(name: "dequantize grows 4x", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 10])
                 let y = b.float32([1, 10])
                 b.node(.dequantize(Dequantize()), inputs: [x], output: y)
                 return (b.build(outputs: [y]), NodeID(0))
             }, kernel: "unary", scratch: 0, contract: "streaming(t0, gap 27, read-then-write)"),
        Case(name: "reshape is a view", graph: single([1, 2, 2, 4]) { b, x in
                 let shape = b.constInt32([2], [1, 16])
                 return b.op(.reshape(Reshape(newShape: [1, 16])), [x, shape], [1, 16]) },
             kernel: "alias", scratch: 0, contract: "alias(t0)"),
        Case(name: "reshape of a caller-owned input copies", graph: single([1, 2, 2, 4]) { b, x in
                 b.op(.reshape(Reshape(newShape: [1, 16])), [x], [1, 16]) },
             kernel: "copy", scratch: 0, contract: "separate", options: LoweringOptions(target: TestTargets.default, externalIO: true)),
        Case(name: "concat of contiguous slices", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 6])
                 let p = b.fullyConnected(x, cout: 4), q = b.fullyConnected(x, cout: 3)
                 let z = b.op(.concatenation(Concatenation(axis: 1, activation: .none)), [p, q], [1, 7])
                 return (b.build(outputs: [z]), NodeID(2))
             }, kernel: "concat-slices", scratch: 0, contract: "slices(0,4)"),
        Case(name: "a slice producer gets no overlap", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 6])
                 let p = b.fullyConnected(x, cout: 4), q = b.fullyConnected(x, cout: 3)
                 let z = b.op(.concatenation(Concatenation(axis: 1, activation: .none)), [p, q], [1, 7])
                 return (b.build(outputs: [z]), NodeID(1))
             }, kernel: "fc", scratch: 0, contract: "separate"),  // the M4's one-row DSP GEMM reads in place
        Case(name: "channel concat of images copies", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 4, 4, 2])
                 let p = b.conv(x, cout: 2, k: 1), q = b.conv(x, cout: 3, k: 1)
                 let z = b.op(.concatenation(Concatenation(axis: 3, activation: .none)), [p, q], [1, 4, 4, 5])
                 return (b.build(outputs: [z]), NodeID(2))
             }, kernel: "concat-copy", scratch: 0, contract: "separate"),
        Case(name: "expand_dims is a view", graph: single([2, 3]) { b, x in
                 let axis = b.constInt32([1], [1])
                 return b.op(.expandDims(ExpandDims()), [x, axis], [2, 1, 3]) },
             kernel: "alias", scratch: 0, contract: "alias(t0)"),
        Case(name: "pack of computed rows writes in place", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 6])
                 let p = b.fullyConnected(x, cout: 4), q = b.fullyConnected(x, cout: 4)
                 let z = b.op(.pack(Pack(valuesCount: 2, axis: 0)), [p, q], [2, 1, 4])
                 return (b.build(outputs: [z]), NodeID(2))
             }, kernel: "concat-slices", scratch: 0, contract: "slices(0,4)"),
        Case(name: "pack along an inner axis copies", graph: {
                 var b = GraphBuilder()
                 let x = b.input([1, 6])
                 let p = b.fullyConnected(x, cout: 4), q = b.fullyConnected(x, cout: 4)
                 let z = b.op(.pack(Pack(valuesCount: 2, axis: -1)), [p, q], [1, 4, 2])
                 return (b.build(outputs: [z]), NodeID(2))
             }, kernel: "concat-copy", scratch: 0, contract: "separate"),
        Case(name: "constant operand: nothing to overlap", graph: {
                 var b = GraphBuilder()
                 let c = b.constInt8([1, 4], [1, 2, 3, 4], quant: .perTensor(scale: 0.5, zeroPoint: -1))
                 let y = b.op(.relu(Relu()), [c], [1, 4])
                 let z = b.op(.relu6(Relu6()), [y], [1, 4])
                 return (b.build(outputs: [z]), NodeID(0))
             }, kernel: "unary", scratch: 0, contract: "separate"),
        Case(name: "pad folds into its conv", graph: paddedConv(padValue: nil), kernel: "pad-folded", scratch: 0,
             contract: "folded(op1)"),
        Case(name: "padv2 with another fill value stays", graph: paddedConv(padValue: 5), kernel: "pad", scratch: 0,
             contract: "separate"),
    ]

    /// input [1,6,6,2] -> PAD (1 row/column each side) -> 3x3 VALID conv -> output.
    static func paddedConv(padValue: Int8?) -> @Sendable () -> (Graph, NodeID) {
        {
            var b = GraphBuilder()
            let x = b.input([1, 6, 6, 2])
            let pads = b.constInt32([4, 2], [0, 0, 1, 1, 1, 1, 0, 0])
            let padded: TensorID
            if let padValue {
                let fill = b.constInt8([1], [padValue], quant: .perTensor(scale: 0.5, zeroPoint: -1))
                padded = b.op(.padV2(PadV2()), [x, pads, fill], [1, 8, 8, 2])
            } else {
                padded = b.op(.pad(Pad()), [x, pads], [1, 8, 8, 2])
            }
            let y = b.conv(padded, cout: 2, k: 3, padding: .valid)
            return (b.build(outputs: [y]), NodeID(0))
        }
    }

    @Test func foldedPadConsumerReadsThePadInputThroughPadding() {
        let (graph, _) = Self.paddedConv(padValue: nil)()
        let plan = Lowering.lower(graph, schedule: Scheduling.schedule(graph), options: LoweringOptions(target: TestTargets.default))
        let conv = plan.calls[1]
        #expect(conv.inputs == [TensorID(0)])
        #expect(conv.kernel == .convGeneric(ConvWindow(filterHeight: 3, filterWidth: 3, strideH: 1, strideW: 1,
                                                       padTop: 1, padLeft: 1, padBottom: 1, padRight: 1)))
        #expect(plan.calls[0].output == nil && plan.calls[0].inputs.isEmpty)
        #expect(plan.unmaterialized(in: graph) == [TensorID(2)])
    }

    @Test func flashCountsWeightsBiasesAndRequantization() {
        var b = GraphBuilder()
        let x = b.input([1, 8, 8, 4])
        let y = b.conv(x, cout: 8, k: 3)
        let z = b.fullyConnected(b.op(.reshape(Reshape(newShape: [1, 512])), [y], [1, 512]), cout: 10)
        let graph = b.build(outputs: [z])
        let plan = Lowering.lower(graph, schedule: Scheduling.schedule(graph), options: LoweringOptions(target: TestTargets.default))
        let flash = FlashEstimate.estimate(plan, graph: graph)
        // The conv and the FC run the DSP GEMM on the default (M4) target: 5 channel pairs of 128 groups,
        // each pair with 2 bias words and 6 requantization words (the odd channel's dummy included).
        #expect(flash.weightBytes == 8 * 3 * 3 * 4 + 5 * 128 * 8)
        #expect(flash.biasBytes == 4 * 8 + 5 * 8)
        #expect(flash.requantizationBytes == 4 * 24 + 5 * 24)  // the 3x3 conv is packed too: 4 pairs
        let conv = plan.calls[0].binding!.function!, fc = plan.calls[2].binding!.function!
        #expect(conv == KernelVariants.convDSP && fc.symbol == "mcuc_gemm1_s8_dsp")
        #expect(flash.codeBytes == CodeSizeModel.runtimeBytes + 2 * CodeSizeModel.callSiteBytes
            + CodeSizeModel.variantBytes(conv) + CodeSizeModel.variantBytes(fc) + CodeSizeModel.dspGemmCoreBytes)
        #expect(plan.calls[1].kernel.isFree && plan.calls[2].kernel == .fullyConnected)
    }
}
