import CodeGen
import Foundation
import IR

/// Every runtime kernel and the generic harness compiled once into objects, so that many models
/// can be built by compiling only their own three files (tests build hundreds of models).
public struct HostRuntime: Sendable {
    public var directory: URL
    /// Object files, one per runtime source.
    public var objects: [URL]
    public var options: HostBuildOptions

    /// Compiles `CodeGen.runtimeFiles` into `directory` (created).
    public static func make(in directory: URL, options: HostBuildOptions = HostBuildOptions()) throws(CompileError) -> HostRuntime {
        let files = CodeGen.runtimeFiles
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files { try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name)) }
        } catch {
            throw CompileError(.badInput, "cannot write the runtime into '\(directory.path)': \(SystemErrorText.reason(error))")
        }
        let sources = files.map(\.name).filter { $0.hasSuffix(".c") }
        let result = try ProcessRunner.run(options.compiler, options.flags + ["-I", ".", "-c"] + sources, in: directory)
        guard result.status == 0 else {
            throw CompileError(.mismatch, "the host build of the runtime failed (\(options.compiler) exit \(result.status)):\n"
                + result.stderr.split(separator: "\n").prefix(20).joined(separator: "\n"))
        }
        let objects = sources.map { directory.appendingPathComponent(String($0.dropLast(2)) + ".o") }
        return HostRuntime(directory: directory, objects: objects, options: options)
    }
}
