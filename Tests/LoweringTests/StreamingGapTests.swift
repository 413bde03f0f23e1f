import Lowering
import IR
import Testing

/// Proves each `StreamingGap` formula by simulating the kernel's byte accesses with the input
/// placed `gap` bytes above the output: every input byte must still hold its original value
/// when the kernel reads it. Pointwise gaps are also shown to be the smallest that work.
@Suite struct StreamingGapTests {
    /// Bytes of one arena, tracking which input bytes an output write has destroyed.
    struct Arena {
        let inputStart: Int
        var clobbered: Set<Int> = []
        var violation = false

        init(gap: Int) { inputStart = gap }

        mutating func read(input byte: Int) { if clobbered.contains(inputStart + byte) { violation = true } }
        mutating func write(output byte: Int) { clobbered.insert(byte) }
    }

    static func readThenWrite(units: Int, a: Int, b: Int, gap: Int) -> Bool {
        var arena = Arena(gap: gap)
        for p in 0..<units {
            for k in 0..<a { arena.read(input: p * a + k) }
            for k in 0..<b { arena.write(output: p * b + k) }
        }
        return !arena.violation
    }

    /// A 1x1 conv / FC: for each output channel, read the whole input pixel, write the channel.
    static func interleaved(units: Int, a: Int, b: Int, gap: Int) -> Bool {
        var arena = Arena(gap: gap)
        for p in 0..<units {
            for co in 0..<b {
                for k in 0..<a { arena.read(input: p * a + k) }
                arena.write(output: p * b + co)
            }
        }
        return !arena.violation
    }

    @Test(arguments: [(1, 1, 1), (5, 3, 7), (7, 8, 16), (9, 16, 8), (4, 1, 4), (6, 4, 1), (3, 5, 5), (1, 10, 3)])
    func readThenWriteGapIsSafeAndTight(units: Int, a: Int, b: Int) {
        let gap = StreamingGap.readThenWrite(units: units, inputUnitBytes: a, outputUnitBytes: b)
        #expect(Self.readThenWrite(units: units, a: a, b: b, gap: gap))
        if gap > 0 { #expect(!Self.readThenWrite(units: units, a: a, b: b, gap: gap - 1)) }
    }

    /// Safe, and at most one byte above the smallest safe gap of this loop (the formula also lets
    /// a kernel read pixel `p` while writing its last channel, e.g. four channels per store).
    @Test(arguments: [(1, 1, 1), (5, 3, 7), (7, 8, 16), (9, 16, 8), (4, 1, 4), (6, 4, 1), (3, 5, 5), (1, 10, 3)])
    func interleavedGapIsSafeAndTight(units: Int, a: Int, b: Int) {
        let gap = StreamingGap.interleaved(units: units, inputUnitBytes: a, outputUnitBytes: b)
        let smallest = (0...gap).first { Self.interleaved(units: units, a: a, b: b, gap: $0) }
        #expect(Self.interleaved(units: units, a: a, b: b, gap: gap))
        #expect(smallest.map { gap - $0 <= 1 } == true)
    }

    @Test func knownValues() {
        // MobileNet 1x1 conv 8 -> 16 channels over 48x48 pixels: 16 + 8 * 2303.
        #expect(StreamingGap.interleaved(units: 2304, inputUnitBytes: 8, outputUnitBytes: 16) == 18440)
        #expect(StreamingGap.interleaved(units: 100, inputUnitBytes: 16, outputUnitBytes: 8) == 8)
        #expect(StreamingGap.readThenWrite(units: 10, inputUnitBytes: 1, outputUnitBytes: 4) == 27)
        #expect(StreamingGap.readThenWrite(units: 10, inputUnitBytes: 4, outputUnitBytes: 1) == 0)
    }

    /// A sliding-window kernel in the documented order: batch, output row, column, channel; each
    /// output byte is written after reading every in-bounds tap of its window (all input channels,
    /// as a convolution does).
    static func rows(_ w: ConvWindow, batches: Int, inH: Int, inW: Int, inC: Int, outH: Int, outW: Int, outC: Int,
                     gap: Int) -> Bool {
        var arena = Arena(gap: gap)
        for n in 0..<batches {
            for oy in 0..<outH {
                for ox in 0..<outW {
                    for oc in 0..<outC {
                        for ky in 0..<w.filterHeight {
                            let iy = oy * w.strideH - w.padTop + ky * w.dilationH
                            guard iy >= 0 && iy < inH else { continue }
                            for kx in 0..<w.filterWidth {
                                let ix = ox * w.strideW - w.padLeft + kx * w.dilationW
                                guard ix >= 0 && ix < inW else { continue }
                                for ic in 0..<inC { arena.read(input: ((n * inH + iy) * inW + ix) * inC + ic) }
                            }
                        }
                        arena.write(output: ((n * outH + oy) * outW + ox) * outC + oc)
                    }
                }
            }
        }
        return !arena.violation
    }

    struct WindowCase: Sendable, CustomStringConvertible {
        var k: Int, stride: Int, dilation: Int, same: Bool, batches: Int, inH: Int, inW: Int, inC: Int, outC: Int
        var description: String { "k\(k) s\(stride) d\(dilation) \(same ? "SAME" : "VALID") \(batches)x\(inH)x\(inW)x\(inC)->\(outC)" }
    }

    static let windowCases: [WindowCase] = [
        WindowCase(k: 3, stride: 1, dilation: 1, same: true, batches: 1, inH: 6, inW: 5, inC: 2, outC: 2),
        WindowCase(k: 3, stride: 2, dilation: 1, same: true, batches: 1, inH: 8, inW: 8, inC: 3, outC: 4),
        WindowCase(k: 3, stride: 2, dilation: 1, same: false, batches: 2, inH: 9, inW: 7, inC: 1, outC: 3),
        WindowCase(k: 5, stride: 1, dilation: 1, same: true, batches: 1, inH: 7, inW: 4, inC: 2, outC: 1),
        WindowCase(k: 3, stride: 1, dilation: 2, same: true, batches: 2, inH: 7, inW: 6, inC: 1, outC: 2),
        WindowCase(k: 2, stride: 3, dilation: 1, same: true, batches: 1, inH: 10, inW: 5, inC: 2, outC: 5),
        WindowCase(k: 4, stride: 2, dilation: 1, same: false, batches: 1, inH: 10, inW: 10, inC: 1, outC: 8),
        WindowCase(k: 1, stride: 2, dilation: 1, same: false, batches: 1, inH: 8, inW: 3, inC: 4, outC: 2),
    ]

    @Test(arguments: windowCases)
    func rowGapIsSafe(_ c: WindowCase) {
        let padding: Padding = c.same ? .same : .valid
        let outH = Self.outSize(c.inH, c, padding), outW = Self.outSize(c.inW, c, padding)
        let w = ConvWindow.make(input: .init([c.batches, c.inH, c.inW, c.inC]), output: .init([c.batches, outH, outW, c.outC]),
                                filterHeight: c.k, filterWidth: c.k, strideH: c.stride, strideW: c.stride,
                                dilationH: c.dilation, dilationW: c.dilation, padding: padding)
        let gap = StreamingGap.rows(window: w, batches: c.batches, inputHeight: c.inH, outputHeight: outH,
                                    inputRowBytes: c.inW * c.inC, outputRowBytes: outW * c.outC)
        #expect(Self.rows(w, batches: c.batches, inH: c.inH, inW: c.inW, inC: c.inC, outH: outH, outW: outW,
                          outC: c.outC, gap: gap))
    }

    static func outSize(_ size: Int, _ c: WindowCase, _ padding: Padding) -> Int {
        padding == .same ? (size + c.stride - 1) / c.stride : (size - ((c.k - 1) * c.dilation + 1)) / c.stride + 1
    }

    /// TinyEngine's in-place depthwise: per batch and channel, copy the channel to scratch, then
    /// write that output channel. No input byte may be destroyed before it is copied.
    @Test(arguments: [(6, 6, 4, 1), (8, 8, 3, 2), (5, 7, 2, 2), (9, 9, 5, 3)])
    func inPlaceDepthwiseNeverReadsADestroyedByte(h: Int, w: Int, c: Int, stride: Int) {
        let outH = (h + stride - 1) / stride, outW = (w + stride - 1) / stride
        for batches in 1...2 {
            var arena = Arena(gap: 0)
            for n in 0..<batches {
                for ch in 0..<c {
                    for p in 0..<(h * w) { arena.read(input: (n * h * w + p) * c + ch) }
                    for q in 0..<(outH * outW) { arena.write(output: (n * outH * outW + q) * c + ch) }
                }
            }
            #expect(!arena.violation)
        }
    }

    /// `mcuc_depthwise_inplace3x3_s8_dsp`: per batch, per block of four channels (then each
    /// remaining channel), copy the block's channels (one word per pixel), then write the block's
    /// output channels. No input byte may be destroyed before it is copied.
    @Test(arguments: [(6, 6, 8, 1), (3, 3, 13, 1), (7, 5, 6, 2), (12, 11, 9, 2), (1, 1, 5, 1)])
    func blockedInPlaceDepthwiseNeverReadsADestroyedByte(h: Int, w: Int, c: Int, s: Int) {
        let outH = (h + s - 1) / s, outW = (w + s - 1) / s, whole = c - c % 4
        let blocks = Array(stride(from: 0, to: whole, by: 4)).map { $0..<($0 + 4) } + (whole..<c).map { $0..<($0 + 1) }
        for batches in 1...2 {
            var arena = Arena(gap: 0)
            for n in 0..<batches {
                for block in blocks {
                    for p in 0..<(h * w) { block.forEach { arena.read(input: (n * h * w + p) * c + $0) } }
                    for ch in block {
                        for q in 0..<(outH * outW) { arena.write(output: (n * outH * outW + q) * c + ch) }
                    }
                }
            }
            #expect(!arena.violation)
        }
    }
}
