import IR

/// Estimated instructions of one call of the two DSP CONV_2D kernels, from its shape: what the
/// variant table compares where both rows apply (`VariantRule.estimate`), so the faster one runs
/// whatever `--prefer` says (micro_speech's 10x8 one-channel window into 8 channels runs in place;
/// KWS's 10x4 window into 64 channels through im2col).
///
/// Each estimate is a sum of the kernel's loop counts times their cost in instructions on M4
/// (arm-none-eabi-gcc -O2; the same ISA on M7 and M33), fitted without negative terms on 32
/// single-CONV_2D models (input depth 1-4, windows 1x1 to 10x8, 4-64 output channels, strides 1
/// and 2, SAME and VALID) measured by `mcuc simulate --on qemu --core m4` after the im2col
/// kernel's faster GEMM epilogue (1b371e7): both kernels' coefficients together, as the least
/// sum of relative errors with every error at most 6% and the measured faster kernel estimated
/// at least 1% faster wherever the two measure 1% or more apart. After rounding the estimates
/// are within 6.7% of the measurement (`ConvDSPCostTests`, 29 of the 32 shapes); no shape was
/// held out of this fit. Where the two kernels measure closer than 1% the choice may miss by
/// as much.
enum ConvDSPCost {
    /// The loop counts both kernels' costs follow, per batch.
    struct Counts {
        var pixels: Int
        /// Σ over output pixels of the window rows inside the input.
        var rowsInside: Int
        /// The same over the pixels whose window overhangs the input's left or right edge.
        var edgeRowsInside: Int

        init(_ c: Conv2DKernelParams) {
            let outH = Int(c.outH), outW = Int(c.outW), fh = Int(c.filterH), fw = Int(c.filterW)
            let inH = Int(c.inH), inW = Int(c.inW)
            pixels = outH * outW
            let rowsPerOutputRow = (0..<outH).map { oy in
                let iy0 = oy * Int(c.strideH) - Int(c.padTop)
                return (0..<fh).filter { ky in (0..<inH).contains(iy0 + ky * Int(c.dilationH)) }.count
            }
            let edgeColumns = (0..<outW).filter { ox in
                let ix0 = ox * Int(c.strideW) - Int(c.padLeft)
                return c.dilationW != 1 || ix0 < 0 || ix0 + fw > inW
            }.count
            let rows = rowsPerOutputRow.reduce(0, +)
            rowsInside = rows * outW
            edgeRowsInside = rows * edgeColumns
        }
    }

    /// `mcuc_conv2d_s8_dsp`: per pixel its im2col row (a copy per window row, per tap at the
    /// edges) packed in groups of four values; per two pixels and two output channels the GEMM's
    /// groups and the fused epilogue.
    static func im2col(_ c: Conv2DKernelParams) -> Int {
        let n = Counts(c)
        let depth = Int(c.filterH * c.filterW * c.inC), groups = (depth + 3) / 4
        let pixelPairs = (n.pixels + 1) / 2, channelPairs = (Int(c.outC) + 1) / 2
        let cost = 113.5 * Double(n.pixels) + 33 * Double(n.pixels * Int(c.filterH)) + 19.5 * Double(n.pixels * groups)
            + 25 * Double(n.edgeRowsInside * Int(c.filterW)) + 14.5 * Double(pixelPairs * channelPairs * groups)
            + 58.5 * Double(pixelPairs * channelPairs)
        return Int((cost * Double(c.batches)).rounded())
    }

    /// `mcuc_conv2d_direct_s8_dsp`: per call a setup; per pixel its window (assembled byte by byte
    /// at the edges); per block of four output channels the window rows inside the input, a group
    /// of four values each (one more for a row's last 1-3 values), and the block's epilogue.
    static func direct(_ c: Conv2DKernelParams) -> Int {
        let n = Counts(c)
        let rowBytes = Int(c.filterW * c.inC), rowGroups = (rowBytes + 3) / 4, blocks = (Int(c.outC) + 3) / 4
        let blockRows = n.rowsInside * blocks
        let cost = 31 * Double(n.pixels) + 26 * Double(n.edgeRowsInside * rowBytes) + 195 * Double(n.pixels * blocks)
            + 19.5 * Double(blockRows) + 13.5 * Double(blockRows * rowGroups) + (rowBytes % 4 == 0 ? 0 : 18 * Double(blockRows))
        return 439 + Int((cost * Double(c.batches)).rounded())
    }
}
