import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `plan`, `fit` and `compile` count the same Flash: `plan --json`'s `flash_bytes.weights` is the
/// constant bytes `compile` emits, and its `code` the estimate `compile` prints, on every op
/// fixture, the example and every supported shared model, for an M4 and an M55 board.
@Suite struct FlashAccountingTests {
    struct Flash: Decodable {
        var weights: Int
        var code: Int
        var weight_tensors: Int
        var biases: Int
        var requantization: Int
        var index_tables: Int
    }

    struct Report: Decodable { var flash_bytes: Flash }

    @Test(arguments: ["nucleo-l4r5zi", "corstone300"])
    func planReportsWhatCompileEmits(target: String) throws {
        let models = try ModelCorpus.supportedModels()
        #expect(models.count >= 250)
        for (path, graph) in models {
            let output = Commands.plan(PlanCommandOptions(model: path, target: target, json: true))
            #expect(output.exitCode == 0, "\(path): \(output.stderr)")
            let flash = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8)).flash_bytes
            let options = PipelineOptions(target: TestTargets.named(target))
            guard case .finished(let compiled) = try Pipeline.compile(graph, options: options, modelPath: path, prefix: nil,
                                                                      stoppingAfter: nil) else {
                Issue.record("\(path) stopped early")
                continue
            }
            #expect(flash.weights == compiled.sources.constantBytes, "\(path)")
            #expect(flash.code == compiled.planned.flash.codeBytes, "\(path)")
            #expect(flash.weights == flash.weight_tensors + flash.biases + flash.requantization + flash.index_tables)
        }
    }

    /// The fixture the issue found: its resize index tables are constants too.
    @Test func resizeIndexTablesAreCounted() throws {
        let path = ModelCorpus.fixturePaths.first { $0.hasSuffix("resize_nearest_neighbor_000_x2_default.tflite") }
        let output = Commands.plan(PlanCommandOptions(model: try #require(path), json: true))
        let flash = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8)).flash_bytes
        #expect(flash.index_tables > 0)
        #expect(flash.weights == flash.index_tables)
    }
}
