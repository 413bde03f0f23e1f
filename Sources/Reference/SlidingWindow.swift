import IR

/// The 2-D sliding-window geometry of an NHWC convolution, depthwise convolution or pooling
/// node: sizes, strides, dilations and the top/left padding of the op's `ConvWindow`.
/// Taps that fall outside the input are skipped by the kernels.
struct SlidingWindow {
    let batches: Int
    let inputHeight: Int, inputWidth: Int
    let outputHeight: Int, outputWidth: Int
    let filterHeight: Int, filterWidth: Int
    let strideHeight: Int, strideWidth: Int
    let dilationHeight: Int, dilationWidth: Int
    let padTop: Int, padLeft: Int

    /// `window` (from an op's prepared constants) between `input` and `output` (rank 4, NHWC).
    init(input: Shape, output: Shape, window: ConvWindow) {
        precondition(input[0] == output[0], "batch counts differ (checked)")
        batches = input[0]
        inputHeight = input[1]
        inputWidth = input[2]
        outputHeight = output[1]
        outputWidth = output[2]
        filterHeight = window.filterHeight
        filterWidth = window.filterWidth
        strideHeight = window.strideH
        strideWidth = window.strideW
        dilationHeight = window.dilationH
        dilationWidth = window.dilationW
        padTop = window.padTop
        padLeft = window.padLeft
    }

    /// The input row of filter row `ky` for output row `oy` (may be outside `0..<inputHeight`).
    @inline(__always)
    func inputRow(_ oy: Int, _ ky: Int) -> Int { oy * strideHeight - padTop + ky * dilationHeight }

    /// The input column of filter column `kx` for output column `ox` (may be outside the input).
    @inline(__always)
    func inputColumn(_ ox: Int, _ kx: Int) -> Int { ox * strideWidth - padLeft + kx * dilationWidth }
}

extension SlidingWindow {
    /// Computes every output element in NHWC order, `body(batch, outY, outX, channel)`, for an
    /// output with `depth` channels.
    @inline(__always)
    func mapOutputs<Element: FixedWidthInteger>(depth: Int, _ body: (Int, Int, Int, Int) -> Element) -> [Element] {
        var output = [Element](repeating: 0, count: batches * outputHeight * outputWidth * depth)
        output.withUnsafeMutableBufferPointer { y in
            var o = 0
            for b in 0..<batches {
                for oy in 0..<outputHeight {
                    for ox in 0..<outputWidth {
                        for oc in 0..<depth {
                            y[o] = body(b, oy, ox, oc)
                            o += 1
                        }
                    }
                }
            }
        }
        return output
    }
}
