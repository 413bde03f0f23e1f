import IR
import Testing

@Suite struct SupportCheckTests {
    @Test func acceptsInt8Graph() {
        #expect(SupportCheck.problems(in: GraphFixtures.reluAdd()).isEmpty)
    }

    @Test func namesUnsupportedOp() {
        var graph = GraphFixtures.reluAdd()
        graph.nodes[0].op = .unsupported(UnsupportedOpInfo(builtinCode: 44, name: "UNIDIRECTIONAL_SEQUENCE_LSTM"))
        let problems = SupportCheck.problems(in: graph)
        #expect(problems.count == 1)
        #expect(problems[0].description == "op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM): operator UNIDIRECTIONAL_SEQUENCE_LSTM is not supported by mcuc")
    }

    @Test func negSaysTFLMHasNoInt8Kernel() {
        var graph = GraphFixtures.reluAdd()
        graph.nodes[0].op = .unsupported(UnsupportedOpInfo(builtinCode: 59, name: "NEG"))
        #expect(SupportCheck.problems(in: graph).first?.description
                == "op 0 (NEG): operator NEG is not supported by mcuc: TFLM's NEG has no int8 kernel (float32 and int32 only)")
    }

    @Test func rejectsInt16Activation() {
        var graph = GraphFixtures.reluAdd()
        graph.tensors[1].type = .int16
        let problem = SupportCheck.problems(in: graph).first
        #expect(problem?.location.tensor == TensorID(1))
        #expect(problem?.description.contains("int16") == true)
    }
}
