import IR

/// The window-dot words of `mcuc_depthwise_inplace_s8_mve` (`mcuc_depthwise.h`), after the
/// per-channel epilogue words: per channel, the bias with the input zero point folded over every
/// tap (exact: the kernel's padded plane holds the zero point wherever TFLM skips a tap), then
/// one 16-byte weight vector per group of `rows` filter rows (lane `r * filterW + kx`: tap
/// `(g * rows + r, kx)`, zero past the group's taps). The kernel derives `rows` from the params
/// with the same rule (`rows(...)`); none are packed where the walk does not apply.
public enum DepthwiseInPlaceMVEPacking {
    /// Most groups the kernel walks (`MCUC_DW_DOT_GROUPS`).
    public static let maxGroups = 8

    /// Most output pixels per channel of a 3x3 window the walk takes (`MCUC_DW_DOT_MAX_3X3`):
    /// past them the plane kernel's 3x3 loop (nine weights in registers, four pixels per tap)
    /// costs fewer instructions per channel (measured on M55: 20x20 and 25x5 outputs, 3x3).
    public static let max3x3Outputs = 100

    /// Filter rows per 16-byte gather for a window on a padded plane `planeWidth` bytes wide with
    /// `outputs` output pixels per channel, or nil when the walk does not apply (a filter row
    /// wider than 16 taps, a row's byte offsets past 255, more than `maxGroups` groups, a 3x3
    /// window with more than `max3x3Outputs` outputs).
    public static func rows(filterH fh: Int, filterW fw: Int, dilationH dh: Int, dilationW dw: Int, planeWidth pw: Int,
                            outputs: Int) -> Int? {
        guard fw >= 1, fw <= 16, fh >= 1, (fw - 1) * dw <= 255, fh != 3 || fw != 3 || outputs <= max3x3Outputs
        else { return nil }
        var rows = min(16 / fw, fh)
        while rows > 1 && (rows - 1) * dh * pw + (fw - 1) * dw > 255 { rows -= 1 }
        return (fh + rows - 1) / rows <= maxGroups ? rows : nil
    }

    /// `rows` for the call `p` (its padded plane's width, as the kernel's `plane_of`).
    static func rows(_ p: DepthwiseKernelParams) -> Int? {
        guard p.depthMultiplier == 1 else { return nil }
        let reachW = Int((p.outW - 1) * p.strideW + (p.filterW - 1) * p.dilationW + 1)
        return rows(filterH: Int(p.filterH), filterW: Int(p.filterW), dilationH: Int(p.dilationH),
                    dilationW: Int(p.dilationW), planeWidth: max(reachW, Int(p.padLeft + p.inW)),
                    outputs: Int(p.outH * p.outW))
    }

    /// The words for `filter` (`[filterH][filterW][channels]`) in groups of `rows` filter rows
    /// and `foldedBias` (the bias minus the input zero point times each channel's weight sum).
    public static func words(filter: [Int8], channels: Int, filterH fh: Int, filterW fw: Int, rows: Int,
                             foldedBias: [Int32]) -> [Int32] {
        guard rows >= 1, filter.count == fh * fw * channels, foldedBias.count == channels else { return [] }
        let groups = (fh + rows - 1) / rows
        var words: [Int32] = []
        words.reserveCapacity(channels * (1 + 4 * groups))
        for c in 0..<channels {
            words.append(foldedBias[c])
            for g in 0..<groups {
                var bytes = [UInt8](repeating: 0, count: 16)
                for r in 0..<rows where g * rows + r < fh {
                    for kx in 0..<fw {
                        bytes[r * fw + kx] = UInt8(bitPattern: filter[((g * rows + r) * fw + kx) * channels + c])
                    }
                }
                for i in stride(from: 0, to: 16, by: 4) {
                    var word: UInt32 = 0
                    for b in 0..<4 { word |= UInt32(bytes[i + b]) << UInt32(8 * b) }
                    words.append(Int32(bitPattern: word))
                }
            }
        }
        return words
    }

    /// The words for the call `p`; empty when the walk does not apply.
    static func words(_ p: DepthwiseKernelParams, filter: [Int8], foldedBias: [Int32]) -> [Int32] {
        guard let rows = rows(p) else { return [] }
        return words(filter: filter, channels: Int(p.outC), filterH: Int(p.filterH), filterW: Int(p.filterW),
                     rows: rows, foldedBias: foldedBias)
    }
}
