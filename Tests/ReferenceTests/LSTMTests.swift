import Foundation
import IR
import Reference
import Testing
import TestSupport
import TFLiteFrontend

/// UNIDIRECTIONAL_SEQUENCE_LSTM and its state: the checks, the prepared constants, the int16
/// sigmoid table the C kernel shares, and consecutive invokes against TFLM (state carried over).
@Suite(.serialized) struct LSTMTests {
    static var fixtures: [String] { ModelCorpus.fixturePaths.filter { $0.contains("/unidirectional_sequence_lstm_") } }
    static var pendingFixtures: [String] {
        ModelCorpus.pendingFixturePaths.filter { $0.contains("/unidirectional_sequence_lstm_") }
    }

    static func load(_ path: String) throws -> Graph {
        try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func fixture(_ stem: String) throws -> Graph {
        try load(try #require(fixtures.first { $0.contains(stem) }))
    }

    static func params(_ graph: Graph) throws -> LSTMParams {
        let node = graph.nodes[0]
        guard case .unidirectionalSequenceLSTM(let op) = node.op else { throw CompileError(.unsupported, "not an LSTM") }
        return op.prepare(OpOperands(node: node, graph: graph))
    }

    @Test func int8ActivationsAreSupportedInt16OnesRefusedWithTheReason() throws {
        #expect(Self.fixtures.count == 5)
        for path in Self.fixtures {
            #expect(SupportCheck.problems(in: try Self.load(path)).isEmpty, "\(path)")
        }
        let int16 = Self.pendingFixtures.filter { $0.contains("_i16_") }
        #expect(int16.count == 3)
        for path in int16 {
            let first = SupportCheck.problems(in: try Self.load(path)).first?.description ?? ""
            #expect(first == "op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM), tensor 0 'input': int16 activations not supported")
        }
    }

    @Test func operandsTFLMRejectsAndNonVariableStateAreRefused() throws {
        let graph = try Self.fixture("_000_i8_basic")
        var peephole = graph
        peephole.nodes[0].inputs[9] = peephole.nodes[0].inputs[1]
        #expect(SupportCheck.problems(in: peephole).first?.description.contains("peephole operand 9 is present") == true)
        var projection = graph
        projection.nodes[0].inputs[16] = projection.nodes[0].inputs[5]
        #expect(SupportCheck.problems(in: projection).first?.description.contains("projection operand 16") == true)
        var stateless = graph
        let hidden = try #require(graph.nodes[0].inputs[UnidirectionalSequenceLSTM.Operand.hiddenState])
        stateless.tensors[hidden.index].isVariable = false
        #expect(SupportCheck.problems(in: stateless).first?.description
                .contains("hidden state must be a variable tensor") == true)
        var relu = graph
        relu.nodes[0].op = .unidirectionalSequenceLSTM(UnidirectionalSequenceLSTM(cellActivation: .relu, cellClip: 0,
                                                                                 timeMajor: false))
        #expect(SupportCheck.problems(in: relu).first?.description.contains("TANH only") == true)
    }

    /// Cell scale 2^-11 with clip 10: the clip is 10 / 2^-11 = 20480 and the cell's tanh reads
    /// Q4.11 as Q3.12 through multiplier 3 << 1; cell scale 2^-12 takes multiplier 3; no clip, nil.
    @Test func preparedConstants() throws {
        let clipped = try Self.params(try Self.fixture("_001_i8_intermediates_clip10"))
        #expect(clipped.cellClip == 20480)
        #expect(clipped.cellTanhMultiplier == 6 && clipped.cellTanhShift == 0)
        #expect(clipped.hiddenZeroPoint == -1)
        let fine = try Self.params(try Self.fixture("_003_i8_batch2_cell_2m12"))
        #expect(fine.cellClip == nil)
        #expect(fine.cellTanhMultiplier == 3 && fine.cellTanhShift == 0)
        #expect(fine.batches == 2 && fine.units == 4)
        #expect(fine.forgetTimesCell == FixedPointMultiplier(real: 1.0 / 32768))
    }

    @Test func resetStateIsTheZeroPointForInt8AndZeroOtherwise() throws {
        let graph = try Self.fixture("_001_i8_intermediates_clip10")
        let state = Reference.resetState(of: graph)
        #expect(state.count == 2)
        let node = graph.nodes[0]
        let hidden = try #require(state[node.inputs[UnidirectionalSequenceLSTM.Operand.hiddenState]!])
        let cell = try #require(state[node.inputs[UnidirectionalSequenceLSTM.Operand.cellState]!])
        #expect(hidden.int8Values == [Int8](repeating: -1, count: 6))
        #expect(cell.int16Values == [Int16](repeating: 0, count: 6))
    }

    /// `Templates/kernels/portable/mcuc_lstm.c` carries its own copy of the table.
    @Test func theCKernelsSigmoidTableIsTheReferences() throws {
        let path = SharedModels.repositoryRoot.appendingPathComponent("Templates/kernels/portable/mcuc_lstm.c").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "mcuc_sigmoid_table[256] = {"))
        let end = try #require(text.range(of: "};", range: start.upperBound..<text.endIndex))
        let values = text[start.upperBound..<end.lowerBound].split(whereSeparator: { ", \n".contains($0) }).compactMap { Int32($0) }
        #expect(values == Int16Sigmoid.table)
        #expect(values.count == 256)
    }

    /// Two invokes after one reset, the second starting from the state the first left, equal
    /// TFLM on every tensor (the variable tensors included) for every supported LSTM fixture and
    /// shared model.
    @Test func twoConsecutiveInvokesMatchTFLM() throws {
        var paths = Self.fixtures
        if SharedModels.available { paths += ["tflm_mnist_lstm.tflite", "tflm_micro_speech_lstm.tflite"].map(SharedModels.path) }
        let comparison = try ConsecutiveInvokes.compare(paths.map { ($0, try Self.load($0)) }, invokes: 2, seed: 3)
        #expect(comparison.tensorsCompared >= 3 * paths.count)
        for mismatch in comparison.mismatches { Issue.record(Comment(rawValue: mismatch)) }
    }
}
