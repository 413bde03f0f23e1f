import Foundation
import IR
import Reference
import Testing
import TestSupport
import TFLiteFrontend

/// Fixtures where TFLM reads memory it never initialised, so its output there is not a
/// specification: SPACE_TO_BATCH_ND with padding (TFLM fills padded positions from a field it
/// never sets; docs/OPERATOR_SEMANTICS.md). mcuc follows TFLite (pad with the output zero point).
/// Each run is compared element by element: positions an independent model of TFLite's rule
/// (pad, then reshape-transpose-reshape, as TFLite's reference kernel is specified) marks as
/// copied must equal TFLM; padded positions must hold the zero point; and the whole output must
/// equal that model.
@Suite(.serialized) struct TFLMHoleTests {
    static let paddedSpaceToBatch: Set<String> = ["space_to_batch_nd_002_block2x2_padded.tflite"]

    /// TFLite's SPACE_TO_BATCH_ND on NHWC `x` (rank 4): zero-point padding, then
    /// `[B, OH, bh, OW, bw, C] -> [bh, bw, B, OH, OW, C]`. Returns the values and, per element,
    /// whether it came from the padding.
    static func tfliteSpaceToBatch(_ x: [Int8], shape: [Int], block: [Int], pads: [[Int]], zeroPoint: Int8)
        -> (values: [Int8], padded: [Bool]) {
        let (b, h, w, c) = (shape[0], shape[1], shape[2], shape[3])
        let ph = h + pads[0][0] + pads[0][1], pw = w + pads[1][0] + pads[1][1]
        var padded = [(Int8, Bool)](repeating: (zeroPoint, true), count: b * ph * pw * c)
        for n in 0..<b { for y in 0..<h { for x0 in 0..<w { for k in 0..<c {
            padded[((n * ph + y + pads[0][0]) * pw + x0 + pads[1][0]) * c + k] = (x[((n * h + y) * w + x0) * c + k], false)
        } } } }
        let (bh, bw, oh, ow) = (block[0], block[1], ph / block[0], pw / block[1])
        var out: [(Int8, Bool)] = []
        for i in 0..<bh { for j in 0..<bw { for n in 0..<b { for y in 0..<oh { for x0 in 0..<ow { for k in 0..<c {
            out.append(padded[((n * ph + y * bh + i) * pw + x0 * bw + j) * c + k])
        } } } } } }
        return (out.map(\.0), out.map(\.1))
    }

    @Test func paddedSpaceToBatchFollowsTFLiteAndMatchesTFLMWhereDefined() throws {
        let paths = ModelCorpus.fixturePaths.filter { Self.paddedSpaceToBatch.contains(($0 as NSString).lastPathComponent) }
        try #require(paths.count == Self.paddedSpaceToBatch.count, "padded SPACE_TO_BATCH_ND fixtures missing")
        for path in paths {
            let graph = try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            let node = graph.nodes[0]
            guard case .spaceToBatchNd = node.op, let blockID = node.input(1), let padsID = node.input(2) else {
                Issue.record("\(path): not a SPACE_TO_BATCH_ND fixture")
                continue
            }
            let block = try #require(TensorValue(constant: graph[blockID])).bytes
            let padsRaw = try #require(TensorValue(constant: graph[padsID])).bytes
            func ints(_ bytes: [UInt8]) -> [Int] {
                stride(from: 0, to: bytes.count, by: 4).map {
                    Int(Int32(bitPattern: UInt32(bytes[$0]) | UInt32(bytes[$0 + 1]) << 8 | UInt32(bytes[$0 + 2]) << 16
                              | UInt32(bytes[$0 + 3]) << 24))
                }
            }
            let pads = ints(padsRaw)
            let output = node.outputs[0], zp = Int8(try #require(graph[output].quant).zeroPoint[0])
            let styles = InputGenerator.Style.allCases
            let jobs = styles.enumerated().map { s, style in
                TFLMOracle.Job(model: path, inputs: InputGenerator.inputs(for: graph, style: style, seed: UInt64(s)))
            }
            let outcomes = try TFLMOracle.run(jobs)
            var definedCompared = 0, paddedChecked = 0
            for (job, outcome) in zip(jobs, outcomes) {
                guard case .tensors(let theirs) = outcome, let tflm = theirs[output.index] else {
                    Issue.record("\(path): TFLM failed: \(outcome)")
                    continue
                }
                let ours = try #require(try Reference.run(graph, inputs: job.inputs)[output]).int8Values
                let model = Self.tfliteSpaceToBatch(job.inputs[0].int8Values, shape: graph[node.input(0)!].shape.dims,
                                                    block: ints(block), pads: [[pads[0], pads[1]], [pads[2], pads[3]]],
                                                    zeroPoint: zp)
                #expect(ours == model.values, "\(path): reference differs from TFLite's rule")
                let theirsValues = tflm.data.map { Int8(bitPattern: $0) }
                for i in ours.indices {
                    if model.padded[i] {
                        #expect(ours[i] == zp)
                        paddedChecked += 1
                    } else {
                        #expect(ours[i] == theirsValues[i], "\(path): element \(i) differs from TFLM")
                        definedCompared += 1
                    }
                }
            }
            #expect(definedCompared > 0 && paddedChecked > 0)
        }
    }
}
