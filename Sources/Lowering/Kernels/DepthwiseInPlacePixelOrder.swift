/// When the Helium or DSP depthwise kernel (`mcuc_depthwise_s8_mve`, `mcuc_depthwise_s8_dsp`) may
/// run in place with no scratch:
/// it walks output pixels in increasing order (batch-major) and, per block of channels, reads every
/// tap of the block before writing it. With the output at the input's offset and the same channel
/// count, writing output pixel `q` overwrites input pixel `q`'s bytes of the same channels only, so
/// the walk is exact iff no output pixel reads an input pixel whose index is below its own (those
/// were overwritten by earlier outputs). That holds for VALID windows at any stride, and for
/// padding only below and right (TensorFlow's SAME at stride 2 on even sizes), not for padding
/// above or left.
enum DepthwiseInPlacePixelOrder {
    /// True when every output pixel `(n, oy, ox)` reads no input pixel (taps inside the input)
    /// with a batch-major index below `n * outH * outW + oy * outW + ox`.
    static func applies(_ p: DepthwiseKernelParams) -> Bool {
        guard p.depthMultiplier == 1, p.inC == p.outC, p.batches > 0 else { return false }
        let inH = Int(p.inH), inW = Int(p.inW), outH = Int(p.outH), outW = Int(p.outW)
        guard outH * outW <= inH * inW else { return false }
        for oy in 0..<outH {
            guard let iy = firstTap(start: oy * Int(p.strideH) - Int(p.padTop), dilation: Int(p.dilationH),
                                    taps: Int(p.filterH), size: inH) else { continue }
            for ox in 0..<outW {
                guard let ix = firstTap(start: ox * Int(p.strideW) - Int(p.padLeft), dilation: Int(p.dilationW),
                                        taps: Int(p.filterW), size: inW) else { continue }
                // Batch n adds n * inH * inW to the read and n * outH * outW <= that to the output.
                if iy * inW + ix < oy * outW + ox { return false }
            }
        }
        return true
    }

    /// The smallest input coordinate a window starting at `start` reads inside `0..<size`, or nil
    /// when every tap falls outside.
    static func firstTap(start: Int, dilation: Int, taps: Int, size: Int) -> Int? {
        let k = start >= 0 ? 0 : (-start + dilation - 1) / dilation
        guard k < taps else { return nil }
        let coordinate = start + k * dilation
        return coordinate < size ? coordinate : nil
    }
}
