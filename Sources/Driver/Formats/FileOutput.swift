import Foundation
import IR
import Simulator

/// Writes files for commands; failures are `.badInput` errors naming the path.
enum FileOutput {
    static func write(_ bytes: [UInt8], to path: String) throws(CompileError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CompileError(.badInput, "cannot write '\(DisplayText.escaped(path))': \(SystemErrorText.reason(error))")
        }
    }

    static func write(_ text: String, to path: String) throws(CompileError) {
        try write(Array(text.utf8), to: path)
    }

    /// The first path of `paths` that names the same file as an earlier one (after resolving
    /// `.`, `..` and symbolic links), or nil.
    static func firstRepeated(_ paths: [String]) -> String? {
        var seen = Set<String>()
        for path in paths {
            let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if !seen.insert(key).inserted { return path }
        }
        return nil
    }

    static func makeDirectory(_ path: String) throws(CompileError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CompileError(.badInput, "cannot create directory '\(DisplayText.escaped(path))': \(SystemErrorText.reason(error))")
        }
    }
}
