import IR
import Reference
import Scheduling
import Testing
import TestSupport

/// The receptive-field math against brute force.
@Suite struct ReceptiveFieldPropertyTests {
    /// `AxisWindow.inputSpan` against enumerating every tap of every output in the span: it is the
    /// exact bounding span of the tapped indices inside the input (empty when none is), for every
    /// filter, stride, dilation, padding, input size and output span.
    @Test func axisSpansCoverExactlyTheTappedIndices() {
        for filter in 1...4 { for stride in 1...3 { for dilation in 1...3 { for pad in 0...3 { for size in 1...9 {
            let window = AxisWindow(filter: filter, stride: stride, dilation: dilation, padBefore: pad, inputSize: size)
            let outputs = max(1, (size + 2 * pad - ((filter - 1) * dilation + 1)) / stride + 1)
            for start in 0..<outputs { for end in (start + 1)...outputs {
                var tapped = Set<Int>()
                for o in start..<end { for k in 0..<filter { tapped.insert(o * stride - pad + k * dilation) } }
                tapped = tapped.filter { (0..<size).contains($0) }
                let span = window.inputSpan(for: Span(start, end))
                let exact = tapped.min().map { Span($0, tapped.max()! + 1) } ?? Span(0, 0)
                #expect(span == exact, "f\(filter) s\(stride) d\(dilation) p\(pad) n\(size) out \(start)..<\(end)")
            } }
        } } } } }
    }

    /// Perturbing one input pixel (every channel) with the reference interpreter changes only output
    /// pixels whose computed receptive field contains that pixel, on random networks of every
    /// patchable op (residual ADDs and concatenations included); and for some outputs the field is
    /// exactly the box of the pixels that changed them (ReLU and max pooling hide the rest).
    @Test(arguments: 0..<8)
    func onlyOutputsWhoseFieldContainsAPerturbedPixelChange(seed: Int) throws {
        let graph = RandomPatchNetwork.make(seed: UInt64(seed) &* 7919 &+ 11, layers: 2 + seed % 4)
        try SupportCheck.verify(graph)
        let splits = PatchSplits.analyze(graph)
        #expect(splits.end == nil)
        let split = try #require(splits.splits.last)
        #expect(split.count == graph.nodes.count)
        let input = graph.inputs[0], inShape = graph[input].shape, outShape = graph[split.output].shape
        var fields: [[Region]] = []
        for y in 0..<outShape[1] {
            fields.append((0..<outShape[2]).map { x in
                split.regions(for: Region(rows: Span(y, y + 1), cols: Span(x, x + 1)), graph: graph)[input]!
            })
        }
        let base = InputGenerator.inputs(for: graph, style: .nearZeroPoint, seed: UInt64(seed))[0]
        let baseline = try Reference.run(graph, inputs: [base])[split.output]!.int8Values
        var changes = 0
        var influence = Array(repeating: Region(rows: Span(0, 0), cols: Span(0, 0)), count: outShape[1] * outShape[2])
        for y in 0..<inShape[1] {
            for x in 0..<inShape[2] {
                var values = base.int8Values
                for c in 0..<inShape[3] {
                    let i = (y * inShape[2] + x) * inShape[3] + c
                    values[i] = values[i] ^ Int8(bitPattern: 0x80)
                }
                let out = try Reference.run(graph, inputs: [.int8(inShape, values)])[split.output]!.int8Values
                for q in 0..<(outShape[1] * outShape[2]) {
                    let channels = (q * outShape[3])..<((q + 1) * outShape[3])
                    guard channels.contains(where: { out[$0] != baseline[$0] }) else { continue }
                    changes += 1
                    influence[q] = influence[q].union(Region(rows: Span(y, y + 1), cols: Span(x, x + 1)))
                    let field = fields[q / outShape[2]][q % outShape[2]]
                    let place = "output (\(q / outShape[2]), \(q % outShape[2]))"
                    #expect(field.rows.contains(Span(y, y + 1)) && field.cols.contains(Span(x, x + 1)),
                            "seed \(seed): input pixel (\(y), \(x)) changed \(place) outside its field \(field)")
                }
            }
        }
        #expect(changes > 0, "seed \(seed): no perturbation changed anything; the test would prove nothing")
        let tight = influence.indices.filter { influence[$0] == fields[$0 / outShape[2]][$0 % outShape[2]] }.count
        #expect(tight > 0, "seed \(seed): no computed field equals the pixels that really influence its output")
    }
}
