import Foundation
import IR
import Testing
import TestSupport
import TFLiteFrontend

/// Corrupted models never crash the frontend: each variant is either rejected with a one-line
/// `CompileError` or imported into a graph that passes the verifier (and can be inspected).
@Suite(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
struct FuzzTests {
    static let models = ["tflm_hello_world.tflite", "tflm_micro_speech.tflite", "mlperf_kws_dscnn.tflite",
                         "tflm_simple_add.tflite", "tflm_mnist_lstm.tflite", "mlperf_sww.tflite"]
    static let variantsPerModel = 2_000

    @Test(arguments: models)
    func mutatedVariantsNeverCrash(model: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: SharedModels.path(model))))
        var mutator = Mutator(seed: UInt64(model.utf8.reduce(7) { $0 &* 31 &+ Int($1) }.magnitude))
        var rejected = 0, accepted = 0
        for i in 0..<Self.variantsPerModel {
            let kind = Mutator.Kind.allCases[i % Mutator.Kind.allCases.count]
            let variant = mutator.mutate(original, kind: kind)
            do {
                let graph = try TFLiteFrontend.importModel(bytes: variant)
                #expect(GraphVerifier.firstViolation(in: graph) == nil)
                _ = SupportCheck.problems(in: graph)
                _ = graph.totalMACs
                _ = GraphText.render(graph)
                accepted += 1
            } catch {
                #expect(!error.description.contains("\n"), "multi-line error: \(error.description)")
                #expect(!error.description.isEmpty)
                rejected += 1
            }
        }
        print("fuzz \(model): \(Self.variantsPerModel) variants, \(rejected) rejected, \(accepted) accepted, 0 crashed")
        #expect(rejected + accepted == Self.variantsPerModel)
        #expect(rejected > 0)
    }
}
