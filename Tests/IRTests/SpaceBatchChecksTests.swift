import IR
import Reference
import Testing
import TestSupport

/// SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND: rank 3 or 4, constant block_shape and paddings/crops,
/// one-line errors for the rest; padding holds the output zero point (TFLite's rule).
@Suite struct SpaceBatchChecksTests {
    static func graph(_ op: Op, input: [Int], block: [Int32], margins: [Int32], output: [Int],
                      zeroPoint: Int32 = 5, outZeroPoint: Int32? = nil, constantBlock: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x = b.input(input, scale: 0.1, zeroPoint: zeroPoint, name: "x")
        let bs = constantBlock ? b.constInt32([block.count], block, name: "block")
            : b.add(Tensor(id: TensorID(0), name: "block", type: .int32, shape: Shape([block.count])))
        let m = b.constInt32([margins.count / 2, 2], margins, name: "margins")
        let y = b.activation(output, scale: 0.1, zeroPoint: outZeroPoint ?? zeroPoint, name: "y")
        b.node(op, inputs: [x, bs, m], output: y)
        return b.build()
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func spaceToBatchPadsWithTheZeroPoint() throws {
        let g = Self.graph(.spaceToBatchNd(SpaceToBatchNd()), input: [1, 1, 2, 1], block: [1, 2], margins: [0, 0, 1, 1],
                           output: [2, 1, 2, 1])
        #expect(Self.problem(g) == nil)
        let out = try Reference.run(g, inputs: [.int8(Shape([1, 1, 2, 1]), [10, 20])])[g.outputs[0]]
        // padded row [5, 10, 20, 5]: block column 0 takes [5, 20], column 1 takes [10, 5].
        #expect(out?.int8Values == [5, 20, 10, 5])
    }

    @Test func batchToSpaceCrops() throws {
        let g = Self.graph(.batchToSpaceNd(BatchToSpaceNd()), input: [2, 1, 2, 1], block: [1, 2], margins: [0, 0, 1, 1],
                           output: [1, 1, 2, 1])
        #expect(Self.problem(g) == nil)
        let out = try Reference.run(g, inputs: [.int8(Shape([2, 1, 2, 1]), [1, 2, 3, 4])])[g.outputs[0]]
        // interleaved row [1, 3, 2, 4], one cropped each side.
        #expect(out?.int8Values == [3, 2])
    }

    @Test func oneLineErrors() {
        let s2b = Op.spaceToBatchNd(SpaceToBatchNd()), b2s = Op.batchToSpaceNd(BatchToSpaceNd())
        let cases: [(Graph, CompileError.Kind)] = [
            (Self.graph(s2b, input: [1, 4, 4, 1], block: [2, 2], margins: [0, 0, 0, 0], output: [4, 2, 2, 1],
                        constantBlock: false), .unsupported),
            (Self.graph(s2b, input: [1, 2, 4, 4, 1], block: [2, 2, 1], margins: [0, 0, 0, 0, 0, 0], output: [4, 1, 2, 4, 1]),
             .unsupported),
            (Self.graph(s2b, input: [1, 3, 4, 1], block: [2, 2], margins: [0, 0, 0, 0], output: [4, 1, 2, 1]), .malformed),
            (Self.graph(s2b, input: [1, 4, 4, 1], block: [0, 2], margins: [0, 0, 0, 0], output: [4, 2, 2, 1]), .malformed),
            (Self.graph(s2b, input: [1, 4, 4, 1], block: [2, 2], margins: [-2, 2, 0, 0], output: [4, 2, 2, 1]), .malformed),
            (Self.graph(s2b, input: [1, 4, 4, 1], block: [2, 2], margins: [0, 0, 0, 0], output: [4, 2, 2, 1],
                        outZeroPoint: 6), .unsupported),
            (Self.graph(b2s, input: [4, 2, 2, 1], block: [2, 2], margins: [0, 0, 0, 0], output: [1, 4, 3, 1]), .malformed),
            (Self.graph(b2s, input: [3, 2, 2, 1], block: [2, 2], margins: [0, 0, 0, 0], output: [1, 4, 4, 1]), .malformed),
        ]
        for (g, kind) in cases {
            let e = Self.problem(g)
            #expect(e?.kind == kind)
            #expect(e.map { !$0.description.contains("\n") && $0.description.contains(g.nodes[0].op.name) } == true)
        }
    }
}
