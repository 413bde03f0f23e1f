import IR
import Testing
import TestSupport

/// RESIZE_BILINEAR: TFLM's 10-bit taps (`BilinearSource`) and the one-line refusals.
@Suite struct ResizeBilinearChecksTests {
    typealias Tap = BilinearSource.Tap
    static let plain = ResizeBilinear(alignCorners: false, halfPixelCenters: false)
    static let aligned = ResizeBilinear(alignCorners: true, halfPixelCenters: false)
    static let halfPixel = ResizeBilinear(alignCorners: false, halfPixelCenters: true)

    @Test func tapsFollowTFLMsIntegerPositions() {
        // 2 -> 4: scale10 = (2048 + 2) / 4 = 512, positions 0, 512, 1024, 1536 (the last clamped).
        #expect(BilinearSource.taps(inputSize: 2, outputSize: 4, Self.plain) == [
            Tap(low: 0, high: 0, lowWeight: 1024, highWeight: 0), Tap(low: 0, high: 1, lowWeight: 512, highWeight: 512),
            Tap(low: 1, high: 1, lowWeight: 1024, highWeight: 0), Tap(low: 1, high: 1, lowWeight: 512, highWeight: 512)])
        // Half-pixel centers: the first position is -256; both taps read index 0, weights 1280 and -256.
        #expect(BilinearSource.taps(inputSize: 2, outputSize: 4, Self.halfPixel) == [
            Tap(low: 0, high: 0, lowWeight: 1280, highWeight: -256), Tap(low: 0, high: 1, lowWeight: 768, highWeight: 256),
            Tap(low: 0, high: 1, lowWeight: 256, highWeight: 768), Tap(low: 1, high: 1, lowWeight: 768, highWeight: 256)])
        // align_corners 3 -> 5: scale10 = (2048 + 2) / 4 = 512, the last output on the last input.
        #expect(BilinearSource.taps(inputSize: 3, outputSize: 5, Self.aligned).map(\.low) == [0, 0, 1, 1, 2])
        #expect(BilinearSource.taps(inputSize: 3, outputSize: 5, Self.aligned).last
                == Tap(low: 2, high: 2, lowWeight: 1024, highWeight: 0))
        // align_corners to one pixel uses the plain scale.
        #expect(BilinearSource.scale10(inputSize: 4, outputSize: 1, alignCorners: true) == 4096)
    }

    static func graph(_ op: ResizeBilinear, size: [Int32] = [6, 8], output: [Int] = [1, 6, 8, 2],
                      outQ: (Float, Int32) = (0.05, 3), constantSize: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 3, 4, 2], scale: 0.05, zeroPoint: 3, name: "x")
        let s = constantSize ? b.constInt32([2], size, name: "size")
            : b.add(Tensor(id: TensorID(0), name: "size", type: .int32, shape: Shape([2])))
        let y = b.activation(output, scale: outQ.0, zeroPoint: outQ.1, name: "y")
        b.node(.resizeBilinear(op), inputs: [x, s], output: y)
        return b.build(outputs: [y])
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func refusesInOneLine() {
        #expect(Self.problem(Self.graph(Self.plain)) == nil)
        #expect(Self.problem(Self.graph(Self.halfPixel)) == nil)
        let both = Self.problem(Self.graph(ResizeBilinear(alignCorners: true, halfPixelCenters: true)))
        #expect(both?.kind == .unsupported)
        let text = both.map { "\($0)" } ?? ""
        #expect(text.contains("RESIZE_BILINEAR") && text.contains("TFLM refuses") && !text.contains("\n"))
        #expect(Self.problem(Self.graph(Self.plain, size: [6, 7]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(Self.plain, size: [0, 8], output: [1, 0, 8, 2]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(Self.plain, outQ: (0.1, 3)))?.kind == .unsupported)
        #expect(Self.problem(Self.graph(Self.plain, constantSize: false))?.kind == .unsupported)
    }
}
