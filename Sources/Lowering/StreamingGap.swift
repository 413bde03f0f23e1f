import IR

/// The smallest `offset(input) - offset(output)` at which a kernel that streams through its
/// tensors in increasing address order never overwrites an input byte it (or a later step of the
/// same loop) still has to read. Each function states the loop order it assumes; the proof is
/// the inequality in its doc. Results are never negative (an input below its output is never
/// allowed to overlap it).
public enum StreamingGap {
    /// Units (elements, rows) in increasing order; all bytes of input unit `p` are read before any
    /// byte of output unit `p` is written; unit `p` reads only input unit `p`.
    ///
    /// Writing output unit `p` touches `[out + b*p, out + b*(p+1))`; input units `q > p` start at
    /// `in + a*q >= in + a*(p+1)`. They stay intact iff `out + b*(p+1) <= in + a*(p+1)` for every
    /// `p <= N-2`, i.e. `in - out >= (b - a) * (p + 1)`; the worst `p` gives `max(0, (b-a)*(N-1))`.
    /// Input unit `p` itself may be overwritten: it was read completely before.
    public static func readThenWrite(units: Int, inputUnitBytes a: Int, outputUnitBytes b: Int) -> Int {
        guard units > 1 else { return 0 }
        return max(0, (b - a) * (units - 1))
    }

    /// Units (pixels, rows of a matrix) in increasing order; while output unit `p` is written
    /// (output channel by output channel) every byte of input unit `p` may still be read, and unit
    /// `p` reads only input unit `p`.
    ///
    /// Every byte of output unit `p` must lie below input unit `p`:
    /// `out + b*(p+1) <= in + a*p` for all `p < N`, i.e. `in - out >= b + (b - a) * p`; the worst
    /// `p` gives `b + max(0, (b - a) * (N - 1))`.
    public static func interleaved(units: Int, inputUnitBytes a: Int, outputUnitBytes b: Int) -> Int {
        guard units > 0 else { return 0 }
        return b + max(0, (b - a) * (units - 1))
    }

    /// A sliding window over NHWC rows: output rows (batch-major) are produced in increasing order,
    /// and while output row `r` of batch `n` is written the kernel may read any input row of batch
    /// `n` from `window.firstInputRow(r)` on (and every later batch).
    ///
    /// Output row `u = n*outH + r` occupies `[out + R_o*u, out + R_o*(u+1))` (`R_o` = bytes per
    /// output row); the first input byte still needed is `in + R_i*(n*inH + first(r))`. Safe iff
    /// `in - out >= R_o*(u+1) - R_i*(n*inH + first(r))` for every `u`; the result is the maximum.
    public static func rows(window: ConvWindow, batches: Int, inputHeight: Int, outputHeight: Int,
                            inputRowBytes: Int, outputRowBytes: Int) -> Int {
        var gap = 0
        for n in 0..<batches {
            for r in 0..<outputHeight {
                let u = n * outputHeight + r
                let firstNeeded = n * inputHeight + window.firstInputRow(ofOutputRow: r, inputHeight: inputHeight)
                gap = max(gap, outputRowBytes * (u + 1) - inputRowBytes * firstNeeded)
            }
        }
        return gap
    }
}
