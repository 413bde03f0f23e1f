import Foundation
import IR
import Simulator
import TFLiteFrontend

/// Loads models from disk: the only place the pipeline reads a model file.
public enum ModelFile {
    /// Largest file mcuc reads (the FlatBuffer format itself is limited to 2 GiB).
    public static let maximumBytes = 1 << 31 - 1

    /// Reads `path` and imports it. File-system problems are `CompileError`s of kind `.badInput`.
    public static func load(path: String) throws(CompileError) -> Graph {
        try importModel(bytes: try readBytes(path: path))
    }

    /// Imports a model already read with `readBytes`.
    public static func importModel(bytes: [UInt8]) throws(CompileError) -> Graph {
        try TFLiteFrontend.importModel(bytes: bytes)
    }

    /// Reads the whole file at `path` (any file: models, `.npy` inputs).
    public static func readBytes(path: String) throws(CompileError) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw CompileError(.badInput, "cannot read '\(DisplayText.escaped(path))': \(SystemErrorText.reason(error))")
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            throw CompileError(.badInput, "'\(DisplayText.escaped(path))' is a directory, not a file")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > maximumBytes {
            throw CompileError(.malformed, "'\(path)' is \(size.intValue) bytes; TFLite files are under 2 GiB")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw CompileError(.badInput, "cannot read '\(DisplayText.escaped(path))': \(SystemErrorText.reason(error))")
        }
    }
}
