import Foundation
import IR
import Reference
import Testing
import TestSupport
import TFLiteFrontend

/// SVDF and its state: the checks and one-line errors, the prepared constants, and three
/// consecutive invokes against TFLM (the state carried over, compared on every tensor).
@Suite(.serialized) struct SvdfTests {
    static var fixtures: [String] { ModelCorpus.fixturePaths.filter { $0.contains("/svdf_") } }

    static func load(_ path: String) throws -> Graph {
        try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func fixture(_ stem: String) throws -> Graph {
        try load(try #require(fixtures.first { $0.contains(stem) }))
    }

    static func params(_ graph: Graph) throws -> SvdfParams {
        let node = graph.nodes[0]
        guard case .svdf(let op) = node.op else { throw CompileError(.unsupported, "not an SVDF") }
        return op.prepare(OpOperands(node: node, graph: graph))
    }

    static func firstProblem(_ graph: Graph) -> String {
        SupportCheck.problems(in: graph).first?.description ?? ""
    }

    @Test func everyFixtureIsSupported() throws {
        #expect(Self.fixtures.count == 8)
        for path in Self.fixtures {
            #expect(SupportCheck.problems(in: try Self.load(path)).isEmpty, "\(path)")
        }
    }

    @Test func oneLineErrors() throws {
        let graph = try Self.fixture("_000_int16_state_rank1")
        let state = try #require(graph.nodes[0].inputs[Svdf.Operand.state])
        var stateless = graph
        stateless.tensors[state.index].isVariable = false
        #expect(Self.firstProblem(stateless).hasPrefix("op 0 (SVDF), tensor 4 'activation_state': "))
        #expect(Self.firstProblem(stateless).contains("must be a variable tensor"))
        var mixed = graph
        mixed.tensors[state.index].type = .int8
        #expect(Self.firstProblem(mixed).contains("activation state is int8 but weights_time is int16"))
        var relu6 = graph
        relu6.nodes[0].op = .svdf(Svdf(rank: 1, activation: .relu6))
        #expect(Self.firstProblem(relu6) == "op 0 (SVDF): fused activation RELU6 not supported (NONE or RELU)")
        var rank3 = graph
        rank3.nodes[0].op = .svdf(Svdf(rank: 3, activation: .none))
        #expect(Self.firstProblem(rank3).contains("rank 3 does not divide the 4 filters"))
        var noBias = graph
        noBias.nodes[0].inputs[Svdf.Operand.bias] = nil
        #expect(!Self.firstProblem(noBias).isEmpty)
        for problem in [stateless, mixed, relu6, rank3, noBias].map(Self.firstProblem) {
            #expect(!problem.contains("\n"))
        }
    }

    @Test func preparedConstants() throws {
        let p = try Self.params(try Self.fixture("_005_int8_state_rank3_batch2_relu"))
        #expect(p.batches == 2 && p.rank == 3 && p.units == 2 && p.filters == 6 && p.memory == 5)
        #expect(!p.stateIsInt16 && p.weightsTime.count == 30 && p.bias.count == 2)
        let q = try Self.params(try Self.fixture("_004_int16_state_relu_batch2_mem10"))
        #expect(q.stateIsInt16 && q.stateZeroPoint == 0 && q.memory == 10)
        #expect(q.weightsTime.contains { abs($0) > 127 })
    }

    /// The new state value is clamped to the state type, then the zero point is added and the sum
    /// wraps to the state type (TFLM's assignment to T).
    @Test func stateValueWrapsAfterTheZeroPoint() throws {
        var p = try Self.params(try Self.fixture("_002_int8_state_rank1"))
        p.featureMultiplier = FixedPointMultiplier(real: 0.5)
        p.stateZeroPoint = 20
        #expect(p.stateValue(10) == 25)
        #expect(p.stateValue(1000) == Int32(Int8(truncatingIfNeeded: 147)))
        #expect(p.stateValue(-1000) == -108)
        p.stateIsInt16 = true
        p.stateZeroPoint = 0
        #expect(p.stateValue(100_000) == 32767)
        #expect(p.stateValue(-100_000) == -32768)
    }

    /// Three invokes after one reset, each starting from the state the previous one left, equal
    /// TFLM on every tensor (the activation state included) for every SVDF fixture.
    @Test func threeConsecutiveInvokesMatchTFLM() throws {
        let paths = Self.fixtures
        let comparison = try ConsecutiveInvokes.compare(paths.map { ($0, try Self.load($0)) }, invokes: 3, seed: 5)
        // the output and the activation state of each model
        #expect(comparison.tensorsCompared >= 2 * paths.count)
        for mismatch in comparison.mismatches { Issue.record(Comment(rawValue: mismatch)) }
    }
}
