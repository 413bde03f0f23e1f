import IR

extension OpLowering {
    /// DEPTHWISE_CONV_2D on one input channel is the CONV_2D with `depthMultiplier` filters of one
    /// channel each: where the core runs the DSP or Helium convolution it is lowered as one
    /// (`mcuc_conv2d_direct_s8_dsp` rows in place, `mcuc_conv2d_s8_dsp` / `_mve` im2col rows into the
    /// packed GEMM; same rows contract), the weights transposed to OHWI at compile time. Nil when the op has more input channels, runs in a
    /// patch stage (its patch form runs then), the core has no fast convolution, or its epilogue
    /// cannot be proved exact (the depthwise kernels run then).
    func depthwiseAsConv(_ d: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, _ w: ConvWindow,
                         input: TensorID) -> KernelCall? {
        guard p.inputDepth == 1, p.depthMultiplier > 1, patch == nil else { return nil }
        let conv = Conv2DKernelParams(
            batches: d.batches, inH: d.inH, inW: d.inW, inC: 1, outH: d.outH, outW: d.outW, outC: d.outC,
            filterH: d.filterH, filterW: d.filterW, filterC: 1, strideH: d.strideH, strideW: d.strideW,
            dilationH: d.dilationH, dilationW: d.dilationW, padTop: d.padTop, padLeft: d.padLeft,
            inputOffset: d.inputOffset, outputZp: d.outputZp, actMin: d.actMin, actMax: d.actMax,
            perChannel: d.perChannel, filter: d.filter, bias: d.bias, mult: d.mult, shift: d.shift)
        let function = options.variant(.portable(.conv2d, "mcuc_conv2d_s8"), params: conv, node: node.id)
        guard function.variant != .portable else { return nil }
        let channels = p.outputDepth, taps = p.filter.count / max(channels, 1)
        let ohwi = (0..<channels).flatMap { oc in (0..<taps).map { t in p.filter[t * channels + oc] } }
        guard let dsp = dspConv(conv, filter: ohwi, foldedBias: p.biasWithInputZeroPointFolded, output: p.output,
                                inputZeroPoint: p.inputZeroPoint, function: function, input: input) else { return nil }
        return call(.depthwiseGeneric(w), dsp.binding, detail: w.text + ", one input channel: CONV_2D" + (dsp.scratch > 0 ? " through im2col" : ", rows in place"),
                    scratch: dsp.scratch, contract: streaming(.rows) { rowGap(w) })
    }
}
