import Foundation
import IR

/// A command-line mistake (unknown name, malformed value): exit code 2.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The devices mcuc knows: `targets/*.json`, compiled into the binary (see `EmbeddedTargets`), so
/// an installed `mcuc` needs no files beside it. `--target` also accepts a path to a JSON file of
/// the same format.
public enum TargetCatalog {
    /// The target used when none is given: NUCLEO-L4R5ZI, the MLPerf Tiny reference board.
    public static let defaultTargetName = "nucleo-l4r5zi"

    /// (file name, JSON text) of every built-in target, sorted by file name.
    public static var embeddedFiles: [(name: String, json: String)] { EmbeddedTargets.files }

    /// Every built-in target, sorted by name.
    public static let builtin: [Target] = EmbeddedTargets.files.map { file -> Target in
        do throws(UsageError) {
            return try TargetFile.decode(Data(file.json.utf8), origin: file.name)
        } catch {
            preconditionFailure("built-in target \(file.name) is invalid: \(error.message)")
        }
    }.sorted { $0.name < $1.name }

    /// The target named `nameOrPath` (a name or alias, case-insensitive), or read from the file
    /// when the value ends in `.json` or contains a `/`; the default target when nil.
    public static func resolve(_ nameOrPath: String?) throws(UsageError) -> Target {
        let value = nameOrPath ?? defaultTargetName
        if value.hasSuffix(".json") || value.contains("/") { return try load(path: value) }
        if let target = builtin.first(where: { $0.answers(to: value) }) { return target }
        throw UsageError("unknown target '\(DisplayText.escaped(value))'; known targets: "
            + builtin.map(\.name).joined(separator: ", ") + " (or a path to a .json file)")
    }

    /// A target file from disk.
    public static func load(path: String) throws(UsageError) -> Target {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read target file '\(DisplayText.escaped(path))'")
        }
        return try TargetFile.decode(data, origin: path)
    }

    /// `target` with `--sram` / `--flash` overrides (`256K`, `1M`, `1.5M`, plain bytes). An SRAM
    /// override also drops the largest-block limit: the user states the memory they have.
    public static func overriding(_ target: Target, sram: String?, flash: String?) throws(UsageError) -> Target {
        var result = target
        if let sram {
            result.sramBytes = try ByteSize.parse(sram, option: "--sram")
            result.largestSRAMBlockBytes = nil
        }
        if let flash { result.flashBytes = try ByteSize.parse(flash, option: "--flash") }
        if result.sramReserveBytes >= result.sramBytes || result.flashReserveBytes >= result.flashBytes {
            throw UsageError("target \(result.name) keeps \(result.sramReserveBytes) bytes of SRAM and "
                + "\(result.flashReserveBytes) of Flash for the application; --sram/--flash must be larger")
        }
        return result
    }
}

/// Sizes as users type them: `262144`, `256K`, `256KB`, `256KiB`, `1M`, `1.5M` (K and M are
/// binary: 1024 and 1048576).
public enum ByteSize {
    /// The number of bytes `text` stands for.
    public static func parse(_ text: String, option: String) throws(UsageError) -> Int {
        let lower = text.lowercased()
        let units: [(String, Double)] = [("kib", 1024), ("kb", 1024), ("k", 1024), ("mib", 1_048_576),
                                         ("mb", 1_048_576), ("m", 1_048_576), ("b", 1)]
        var number = lower, factor = 1.0
        if let unit = units.first(where: { lower.hasSuffix($0.0) }) {
            number = String(lower.dropLast(unit.0.count))
            factor = unit.1
        }
        guard let value = Double(number), value > 0, value * factor < Double(Int32.max) else {
            throw UsageError("\(option) '\(DisplayText.escaped(text))' is not a size (examples: 262144, 256K, 1M)")
        }
        return Int((value * factor).rounded(.down))
    }
}
