import Foundation

/// The third-party models of `../shared/models` (never copied into the repository).
///
/// Found through `MCUC_MODELS_DIR`, else `../shared/models` relative to the repository root.
/// Tests that need them skip with a clear message when the folder is absent.
public enum SharedModels {
    /// The repository root (the folder holding Package.swift).
    public static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        preconditionFailure("Package.swift not found above \(#filePath)")
    }

    /// The models folder, or nil when it does not exist.
    public static var directory: URL? {
        let env = ProcessInfo.processInfo.environment["MCUC_MODELS_DIR"]
        let url = env.map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/models")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    /// True when the folder is present (use with `.enabled(if:)`).
    public static var available: Bool { directory != nil }

    /// Every `.tflite` file in the folder, sorted by name.
    public static var modelFiles: [URL] {
        guard let dir = directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".tflite") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Model file names (for parameterized tests; empty when the folder is absent).
    public static var modelNames: [String] { modelFiles.map(\.lastPathComponent) }

    /// The path of model `name`.
    public static func path(_ name: String) -> String {
        (directory ?? repositoryRoot).appendingPathComponent(name).path
    }

    /// One entry of models.json.
    public struct Entry: Decodable, Sendable {
        public struct IO: Decodable, Sendable {
            public var name: String
            public var dtype: String
            public var shape: [Int]
        }
        public var file: String
        public var inputs: [IO]
        public var outputs: [IO]
        public var ops: [String: Int]
        public var num_ops: Int
        public var arena_head_bytes: Int?
    }

    /// models.json, decoded.
    public static func manifest() throws -> [Entry] {
        guard let dir = directory else { return [] }
        let data = try Data(contentsOf: dir.appendingPathComponent("models.json"))
        return try JSONDecoder().decode([Entry].self, from: data)
    }
}
