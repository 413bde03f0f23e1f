import Foundation
import IR
import TFLiteFrontend

/// Every model the repository's tests compile: the op fixtures, the bundled example and the
/// supported shared models (when their folder is present).
public enum ModelCorpus {
    /// `Tests/Fixtures/ops/*.tflite`, sorted.
    public static var fixturePaths: [String] {
        let dir = SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".tflite") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    /// The example model.
    public static var examplePath: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    /// Fixtures, the example, then every shared model mcuc supports, with their graphs.
    public static func supportedModels() throws -> [(path: String, graph: Graph)] {
        let paths = fixturePaths + [examplePath] + SharedModels.modelFiles.map(\.path)
        return try paths.compactMap { path in
            let graph = try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            return SupportCheck.problems(in: graph).isEmpty ? (path, graph) : nil
        }
    }
}
