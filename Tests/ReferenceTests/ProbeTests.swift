import Driver
import Foundation
import IR
import Reference
import TFLiteFrontend
import Testing
import TestSupport

/// Probe models (`Tests/Fixtures/probes`, made by `scripts/tflm/make_probe_models.py`): each is
/// run on the one input where two readings of TFLM's scale arithmetic (float32 vs double
/// products) give different outputs, so these tests decide what random inputs almost never do.
@Suite struct ProbeTests {
    struct Probe: Decodable {
        var file: String
        var inputs: [String]
    }

    struct Index: Decodable { var probes: [Probe] }

    static let folder = SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/probes")

    @Test func everyProbeMatchesTFLM() throws {
        let index = try JSONDecoder().decode(Index.self, from: Data(contentsOf: Self.folder.appendingPathComponent("index.json")))
        try #require(!index.probes.isEmpty)
        var jobs: [TFLMOracle.Job] = []
        var graphs: [Graph] = []
        for probe in index.probes {
            let path = Self.folder.appendingPathComponent(probe.file).path
            let graph = try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            var inputs: [TensorValue] = []
            for (name, id) in zip(probe.inputs, graph.inputs) {
                let array = try NumPyFormat.decode([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name))))
                inputs.append(try NumPyFormat.value(array, expecting: graph[id].type, shape: graph[id].shape, what: name))
            }
            graphs.append(graph)
            jobs.append(TFLMOracle.Job(model: path, inputs: inputs))
        }
        for ((probe, graph), (job, outcome)) in zip(zip(index.probes, graphs), zip(jobs, try TFLMOracle.run(jobs))) {
            guard case .tensors(let theirs) = outcome else {
                Issue.record("\(probe.file): TFLM failed: \(outcome)")
                continue
            }
            var comparison = DifferentialComparison()
            comparison.compare(ours: try Reference.run(graph, inputs: job.inputs), theirs: theirs, graph: graph,
                               label: probe.file)
            for mismatch in comparison.mismatches { Issue.record(Comment(rawValue: mismatch)) }
            #expect(comparison.tensorsCompared > 0)
        }
    }
}
