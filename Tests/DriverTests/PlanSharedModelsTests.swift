import Driver
import Foundation
import IR
import Testing
import TestSupport

/// Every model of ../shared/models: planned within TFLM's head (or refused as unsupported).
@Suite(.enabled(if: SharedModels.available, "../shared/models is absent"))
struct PlanSharedModelsTests {
    /// TFLM's head for `name` from models.json.
    static func tflmHead(_ name: String) throws -> Int? {
        try SharedModels.manifest().first { $0.file == name }?.arena_head_bytes
    }

    @Test(arguments: SharedModels.modelNames)
    func plansWithinTFLMsHead(name: String) throws {
        let graph = try ModelFile.load(path: SharedModels.path(name))
        guard SupportCheck.problems(in: graph).isEmpty else {
            #expect(throws: CompileError.self) { try Pipeline.plan(graph) }
            return
        }
        let planned = try Pipeline.plan(graph)
        #expect(planned.memory.verify() == [])
        #expect(planned.memory.arenaBytes >= planned.memory.lowerBound)
        #expect(planned.memory.lowerBound <= planned.memory.livenessBound)
        let head = try #require(try Self.tflmHead(name))
        #expect(planned.memory.peakSRAMBytes <= head)
        if name == "mlperf_vww_mbv1_96.tflite" || name == "tflm_person_detect.tflite" {
            #expect(planned.memory.peakSRAMBytes <= 44_237)
        }
        let external = try Pipeline.plan(graph, options: PipelineOptions(externalIO: true))
        #expect(external.memory.verify() == [])
        #expect(external.memory.arenaBytes <= planned.memory.arenaBytes)
    }

    /// The LSTM models plan with their state outside the arena: the hidden (int8) and cell
    /// (int16) state of every unit, each aligned to 4 bytes.
    @Test func theLSTMModelsPlanTheirStateOutsideTheArena() throws {
        for (name, units) in [("tflm_mnist_lstm.tflite", 20), ("tflm_micro_speech_lstm.tflite", 80)] {
            let graph = try ModelFile.load(path: SharedModels.path(name))
            let planned = try Pipeline.plan(graph)
            #expect(planned.memory.verify() == [])
            #expect(planned.memory.stateBytes == units + 2 * units)
            #expect(planned.memory.state.count == 2)
            let variables = Set(graph.tensors.filter(\.isVariable).map(\.id))
            #expect(planned.memory.tensors.allSatisfy { !variables.contains($0.tensor) })
            #expect(planned.memory.peakSRAMBytes == planned.memory.arenaArrayBytes + planned.memory.staticBytes
                    + planned.memory.stateBytes)
        }
    }
}
