/// Geometry of a 2-D sliding window (convolution, depthwise convolution, pooling) over an NHWC
/// input, with explicit padding on every side. Padding taps read nothing: the kernel skips them,
/// which equals padding with the input zero point (TFLM's reference kernels do the same).
public struct ConvWindow: Sendable, Hashable {
    public var filterHeight: Int, filterWidth: Int
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    public var padTop: Int, padLeft: Int, padBottom: Int, padRight: Int

    public init(filterHeight: Int, filterWidth: Int, strideH: Int, strideW: Int, dilationH: Int = 1,
                dilationW: Int = 1, padTop: Int = 0, padLeft: Int = 0, padBottom: Int = 0, padRight: Int = 0) {
        self.filterHeight = filterHeight
        self.filterWidth = filterWidth
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.padTop = padTop
        self.padLeft = padLeft
        self.padBottom = padBottom
        self.padRight = padRight
    }

    /// The window of an op with TFLite `padding` mapping `input` (NHWC) to `output` (NHWC),
    /// with TFLM's `ComputePaddingHeightWidth` arithmetic: total padding
    /// `max(0, (out - 1) * stride + (filter - 1) * dilation + 1 - in)` for SAME
    /// (`ConvGeometry.totalPadding`), the smaller half on top/left; none for VALID.
    public static func make(input: Shape, output: Shape, filterHeight: Int, filterWidth: Int,
                            strideH: Int, strideW: Int, dilationH: Int = 1, dilationW: Int = 1,
                            padding: Padding) -> ConvWindow {
        func split(_ inSize: Int, _ outSize: Int, _ filter: Int, _ stride: Int, _ dilation: Int) -> (Int, Int) {
            guard padding == .same else { return (0, 0) }
            let total = ConvGeometry(inputSize: inSize, filterSize: filter, stride: stride, dilation: dilation,
                                     padding: padding).totalPadding(outputSize: outSize)
            return (total / 2, total - total / 2)
        }
        let (top, bottom) = split(input[1], output[1], filterHeight, strideH, dilationH)
        let (left, right) = split(input[2], output[2], filterWidth, strideW, dilationW)
        return ConvWindow(filterHeight: filterHeight, filterWidth: filterWidth, strideH: strideH, strideW: strideW,
                          dilationH: dilationH, dilationW: dilationW, padTop: top, padLeft: left,
                          padBottom: bottom, padRight: right)
    }

    /// The same window reading an unpadded tensor through extra padding (a folded PAD).
    public func adding(top: Int, left: Int, bottom: Int, right: Int) -> ConvWindow {
        var w = self
        w.padTop += top
        w.padLeft += left
        w.padBottom += bottom
        w.padRight += right
        return w
    }

    /// The first input row output row `row` reads: `max(0, row * strideH - padTop)`, at most
    /// `inputHeight` (an output row made only of padding reads no input row).
    public func firstInputRow(ofOutputRow row: Int, inputHeight: Int) -> Int {
        min(max(0, row * strideH - padTop), inputHeight)
    }

    /// True for a 1x1 window with stride 1 and no padding: output pixel p reads input pixel p only.
    public var isPointwise: Bool {
        filterHeight == 1 && filterWidth == 1 && strideH == 1 && strideW == 1
            && padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0
    }

    /// `3x3 s2x2 d1x1 pad 0,0,1,1` (top, left, bottom, right).
    public var text: String {
        "\(filterHeight)x\(filterWidth) s\(strideH)x\(strideW) d\(dilationH)x\(dilationW) "
            + "pad \(padTop),\(padLeft),\(padBottom),\(padRight)"
    }
}
