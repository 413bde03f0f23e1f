import Foundation
import PackagePlugin

/// Compiles a data folder into the binary, so the installed `mcuc` needs no files beside it.
///
/// Applied to a target whose `path` is the folder (`Templates` is `Templates/`, `Targets` is
/// `targets/`) and whose only source is `Embedded<Target>.swift` declaring `public enum
/// Embedded<Target> {}`, it generates that enum's `files: [(path: String, text: String)]`: every
/// regular file of the folder except Swift sources (recursively, hidden files skipped), sorted by
/// path, with its exact text.
///
/// Because the folder is a target's path, SwiftPM watches its structure: adding, moving or deleting
/// a file makes SwiftPM ask this plugin again, which lists the folder anew (no manual step). Each
/// file is a declared input and has a generated Swift file of its own, so an unchanged folder
/// builds nothing, and editing one file recompiles only its generated file.
@main
struct EmbedFolders: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL
        let files = try Self.files(in: folder)
        let names = files.map(Self.identifier)
        if let clash = Dictionary(grouping: files, by: Self.identifier).values.first(where: { $0.count > 1 }) {
            throw NameClash(paths: clash)
        }
        let enumName = "Embedded" + target.name
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return [
            .buildCommand(
                displayName: "Embedding \(folder.lastPathComponent) into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [folder.path, output.path, enumName] + zip(files, names).flatMap { [$0, $1] },
                inputFiles: files.map { folder.appending(path: $0) },
                outputFiles: ([enumName + "Index"] + names).map { output.appending(path: "\($0).swift") }
            ),
        ]
    }

    /// Paths relative to `folder` of its regular files except `*.swift` (recursively, skipping hidden
    /// files and folders such as editor swap files), in byte order.
    static func files(in folder: URL) throws -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let root = folder.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: Set(keys)).isRegularFile == true {
            if url.pathExtension == "swift" { continue }
            result.append(String(url.standardizedFileURL.path.dropFirst(root.count + 1)))
        }
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The generated file's base name (and the Swift name of its text) for a relative path:
    /// `kernels/mcuc_pad.h` -> `Embedded_kernels_mcuc_pad_h`.
    static func identifier(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars)
        return "Embedded_" + String(String.UnicodeScalarView(path.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
    }

    /// Two paths that would get the same Swift name.
    struct NameClash: Error, CustomStringConvertible {
        var paths: [String]
        var description: String { "EmbedFolders: \(paths.joined(separator: " and ")) map to the same Swift name; rename one" }
    }
}
