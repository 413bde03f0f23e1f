import Foundation
import IR
import Reference
import Testing
import TestSupport
import TFLiteFrontend

/// The reference interpreter equals TensorFlow Lite Micro's reference kernels on every
/// intermediate tensor: all supported shared models and every op fixture, three input styles each.
@Suite(.serialized) struct TFLMDifferentialTests {
    static let styles = InputGenerator.Style.allCases

    /// Every op fixture but those where TFLM reads uninitialised memory (`TFLMHoleTests` checks
    /// them against TFLite's rule there and against TFLM everywhere else).
    static var fixtureModels: [String] {
        ModelCorpus.fixturePaths.filter { !TFLMHoleTests.paddedSpaceToBatch.contains(($0 as NSString).lastPathComponent) }
    }

    static func load(_ path: String) throws -> Graph {
        try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Runs every (model, style) through TFLM and the reference and compares layer by layer.
    static func check(models: [(path: String, graph: Graph)]) throws -> DifferentialComparison {
        var jobs: [TFLMOracle.Job] = []
        var labels: [(Int, String)] = []
        for (m, model) in models.enumerated() {
            for (s, style) in styles.enumerated() {
                jobs.append(TFLMOracle.Job(model: model.path,
                                           inputs: InputGenerator.inputs(for: model.graph, style: style, seed: UInt64(s))))
                labels.append((m, "\((model.path as NSString).lastPathComponent) [\(style)]"))
            }
        }
        let outcomes = try TFLMOracle.run(jobs)
        var comparison = DifferentialComparison()
        for ((m, label), (job, outcome)) in zip(labels, zip(jobs, outcomes)) {
            guard case .tensors(let theirs) = outcome else {
                comparison.mismatches.append("\(label): TFLM failed: \(outcome)")
                continue
            }
            do {
                let ours = try Reference.run(models[m].graph, inputs: job.inputs)
                comparison.compare(ours: ours, theirs: theirs, graph: models[m].graph, label: label)
            } catch {
                comparison.mismatches.append("\(label): reference failed: \(error)")
            }
        }
        return comparison
    }

    @Test func everyOpFixtureMatchesTFLM() throws {
        let models = try Self.fixtureModels.map { ($0, try Self.load($0)) }
        try #require(models.count >= 200, "op fixtures missing from Tests/Fixtures/ops")
        let result = try Self.check(models: models)
        print("differential ops: \(models.count) models x \(Self.styles.count) inputs, \(result.tensorsCompared) tensors, \(result.bytesCompared) bytes compared, \(result.mismatches.count) mismatching runs")
        for mismatch in result.mismatches { Issue.record(Comment(rawValue: mismatch)) }
    }

    @Test(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
    func everySupportedSharedModelMatchesTFLMLayerByLayer() throws {
        var models: [(String, Graph)] = []
        for url in SharedModels.modelFiles {
            let graph = try Self.load(url.path)
            if SupportCheck.problems(in: graph).isEmpty { models.append((url.path, graph)) }
        }
        try #require(models.count >= 10)
        let result = try Self.check(models: models)
        print("differential models: \(models.count) models x \(Self.styles.count) inputs, \(result.tensorsCompared) tensors, \(result.bytesCompared) bytes compared, \(result.mismatches.count) mismatching runs")
        for mismatch in result.mismatches { Issue.record(Comment(rawValue: mismatch)) }
    }
}
