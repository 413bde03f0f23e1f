import Foundation
import IR
import Testing
import TestSupport
import TFLiteFrontend

/// Every third-party model imports, and what we read equals models.json (made with TFLite's own
/// Python schema module by the steering team).
@Suite(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
struct SharedModelImportTests {
    static let entries: [SharedModels.Entry] = (try? SharedModels.manifest()) ?? []

    @Test func manifestCoversEveryModel() throws {
        #expect(Set(Self.entries.map(\.file)) == Set(SharedModels.modelNames))
    }

    @Test(arguments: entries.map(\.file))
    func importsAndMatchesManifest(file: String) throws {
        let entry = try #require(Self.entries.first { $0.file == file })
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: SharedModels.path(file))))
        let graph = try TFLiteFrontend.importModel(bytes: bytes)
        #expect(graph.nodes.count == entry.num_ops)
        let counts = graph.nodes.reduce(into: [String: Int]()) { $0[$1.op.name, default: 0] += 1 }
        #expect(counts == entry.ops)
        #expect(graph.inputs.map { graph[$0].shape.dims } == entry.inputs.map(\.shape))
        #expect(graph.outputs.map { graph[$0].shape.dims } == entry.outputs.map(\.shape))
        #expect(graph.inputs.map { graph[$0].type.description } == entry.inputs.map(\.dtype))
        #expect(graph.outputs.map { graph[$0].type.description } == entry.outputs.map(\.dtype))
        #expect(graph.inputs.map { graph[$0].name } == entry.inputs.map(\.name))
    }
}
