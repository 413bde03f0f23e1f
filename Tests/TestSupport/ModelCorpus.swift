import Foundation
import IR
import TFLiteFrontend

/// Every model the repository's tests compile: the op fixtures, the bundled example and the
/// supported shared models (when their folder is present).
public enum ModelCorpus {
    /// `Tests/Fixtures/ops/*.tflite`, sorted.
    public static var fixturePaths: [String] { models(in: "Tests/Fixtures/ops") }

    /// `Tests/Fixtures/ops-pending/*.tflite`, sorted: fixtures of operators, types and options mcuc
    /// does not support yet.
    public static var pendingFixturePaths: [String] { models(in: "Tests/Fixtures/ops-pending") }

    /// A pending fixture mcuc refuses in one line at op 0: an UNIDIRECTIONAL_SEQUENCE_LSTM with
    /// int16 activations ("int16 activations not supported"; input int16[1, 5, 6]).
    public static var refusedFixturePath: String {
        SharedModels.repositoryRoot.appendingPathComponent(
            "Tests/Fixtures/ops-pending/unidirectional_sequence_lstm_005_i16_basic.tflite").path
    }

    /// Every model file: fixtures, pending fixtures, the example and every shared model, supported
    /// or not.
    public static var allPaths: [String] {
        fixturePaths + pendingFixturePaths + [examplePath] + SharedModels.modelFiles.map(\.path)
    }

    /// The `.tflite` files of a repository folder, sorted.
    static func models(in folder: String) -> [String] {
        let dir = SharedModels.repositoryRoot.appendingPathComponent(folder)
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
