import CodeGen
import Foundation
import IR

/// The instruction-counting QEMU plugin (`Templates/qemu/mcuc_icount_plugin.c`), built with the
/// host C compiler into a shared library once and cached by the hash of its source.
public enum QemuPlugin {
    /// The cached plugin, built when missing. Throws `.toolMissing` when the host compiler fails.
    public static func library(toolchain: CrossToolchain) throws(CompileError) -> URL {
        let source = QemuSupportFiles.text(QemuSupportFiles.pluginSource)
        let directory = cacheDirectory()
        let library = directory.appendingPathComponent("mcuc_icount-\(fnv1a(source + toolchain.hostCC)).so")
        if FileManager.default.fileExists(atPath: library.path) { return library }
        let work = directory.appendingPathComponent("build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: work.appendingPathComponent(QemuSupportFiles.pluginSource))
        } catch {
            throw CompileError(.toolMissing, "cannot write the QEMU plugin into '\(work.path)': \(error.localizedDescription)")
        }
        let flags = ["-shared", "-fPIC", "-O2", "-std=c99", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden"]
        let result = try ProcessRunner.run(toolchain.hostCC, flags + [QemuSupportFiles.pluginSource, "-o", "plugin.so"],
                                           in: work, timeout: 120)
        guard result.status == 0 else {
            throw CompileError(.toolMissing, "the host compiler \(toolchain.hostCC) cannot build the QEMU plugin: "
                + result.stderr.split(separator: "\n").prefix(3).joined(separator: " / "))
        }
        // Another process may have built it meanwhile: both copies are identical.
        _ = try? FileManager.default.moveItem(at: work.appendingPathComponent("plugin.so"), to: library)
        return library
    }

    /// `$MCUC_CACHE_DIR`, else `$XDG_CACHE_HOME/mcuc`, else `~/.cache/mcuc` (created).
    static func cacheDirectory() -> URL {
        let environment = ProcessInfo.processInfo.environment
        let url: URL
        if let dir = environment["MCUC_CACHE_DIR"], !dir.isEmpty {
            url = URL(fileURLWithPath: dir)
        } else if let dir = environment["XDG_CACHE_HOME"], !dir.isEmpty {
            url = URL(fileURLWithPath: dir).appendingPathComponent("mcuc")
        } else {
            url = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/mcuc")
        }
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 64-bit FNV-1a of `text`, as 16 hex digits.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
