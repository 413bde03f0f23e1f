import Foundation
import IR

/// Writes files for commands; failures are `.badInput` errors naming the path.
enum FileOutput {
    static func write(_ bytes: [UInt8], to path: String) throws(CompileError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CompileError(.badInput, "cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    static func write(_ text: String, to path: String) throws(CompileError) {
        try write(Array(text.utf8), to: path)
    }

    static func makeDirectory(_ path: String) throws(CompileError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CompileError(.badInput, "cannot create directory '\(path)': \(error.localizedDescription)")
        }
    }
}
