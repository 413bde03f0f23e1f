import Foundation
import IR
import Targets

/// The devices mcuc knows: `targets/*.json`, compiled into the binary (`EmbeddedTargets`), so
/// an installed `mcuc` needs no files beside it. `--target` also accepts a path to a JSON file of
/// the same format.
public enum TargetCatalog {
    /// The target used when none is given: NUCLEO-L4R5ZI, the MLPerf Tiny reference board.
    public static let defaultTargetName = "nucleo-l4r5zi"

    /// The default target.
    public static var defaultTarget: Target {
        guard let target = builtin.first(where: { $0.name == defaultTargetName }) else {
            preconditionFailure("the default target \(defaultTargetName) is not built in")
        }
        return target
    }

    /// (file name, JSON text) of every built-in target, sorted by file name.
    public static var embeddedFiles: [(name: String, json: String)] {
        EmbeddedTargets.files.filter { $0.path.hasSuffix(".json") }.map { ($0.path, $0.text) }
    }

    /// Every built-in target, sorted by name.
    public static let builtin: [Target] = embeddedFiles.map { file -> Target in
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
            result.regions.removeAll { $0.kind == .ram }
        }
        if let flash {
            result.flashBytes = try ByteSize.parse(flash, option: "--flash")
            result.regions.removeAll { $0.kind == .flash }
        }
        if result.sramReserveBytes >= result.sramBytes || result.flashReserveBytes >= result.flashBytes {
            throw UsageError("target \(result.name) keeps \(result.sramReserveBytes) bytes of SRAM and "
                + "\(result.flashReserveBytes) of Flash for the application; --sram/--flash must be larger")
        }
        return result
    }
}
