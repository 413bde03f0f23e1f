import CodeGen
import Foundation
import IR

extension MemoryFootprint {
    /// `sources` built with `options` (the plain program only, in a folder removed afterwards)
    /// and measured; remembered in the cache folder by the hash of the sources, the support
    /// files and the flags, so reports on an unchanged model build nothing.
    public static func measure(_ sources: GeneratedSources, options: QemuBuildOptions) throws(CompileError) -> MemoryFootprint {
        let text = (sources.files + sources.harnessFiles + QemuSupportFiles.guestFiles).map { "\($0.name)\n\($0.text)" }
        let key = QemuPlugin.fnv1a(text.joined(separator: "\u{0}") + options.flags.joined(separator: " ") + options.linkerScript)
        let cached = QemuPlugin.cacheDirectory().appendingPathComponent("memory-\(key).json")
        if let data = try? Data(contentsOf: cached), let footprint = try? JSONDecoder().decode(Self.self, from: data) {
            return footprint
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-size-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let footprint = try QemuBuild.make(sources, in: directory, options: options, programs: [.plain]).footprint()
        if let data = try? JSONEncoder().encode(footprint) { try? data.write(to: cached, options: .atomic) }
        return footprint
    }
}
