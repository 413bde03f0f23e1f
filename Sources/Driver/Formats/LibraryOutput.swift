import CodeGen
import Foundation
import IR
import Simulator

/// Writes `mcuc compile`'s library so that an interrupted or failed compile never leaves a
/// half-written library where the previous good one was.
///
/// Every file is written into a fresh hidden folder beside the destination first. Then, when the
/// destination does not exist or holds only files a compile of this model writes (its own names
/// and the runtime's `mcuc_*` files), the new folder takes its place by `rename` (the old one is
/// moved aside first and removed after). Otherwise (the folder also holds the application's own
/// files) each new file is moved in by its own `rename`, and nothing else there is touched. A
/// reader never sees a file half-written; the staging folder is removed on every exit path,
/// including SIGINT and SIGTERM (`ScratchDirectories`).
enum LibraryOutput {
    static func write(_ files: [GeneratedFile], to directory: String) throws(CompileError) {
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        try FileOutput.makeDirectory(parent.path)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).mcuc-new-\(UUID().uuidString)")
        ScratchDirectories.register(staging)
        defer { ScratchDirectories.remove(staging) }
        try FileOutput.makeDirectory(staging.path)
        for file in files {
            try FileOutput.write(file.text, to: staging.appendingPathComponent(file.name).path)
        }
        let names = Set(files.map(\.name))
        if let existing = try contents(of: destination), !isOwnOutput(existing, names: names) {
            for name in names.sorted() {
                try move(staging.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        } else {
            try replace(destination, with: staging)
        }
    }

    /// The entries of `folder` (nil when it does not exist); an error when it is a file.
    static func contents(of folder: URL) throws(CompileError) -> [URL]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            throw CompileError(.badInput, "cannot write into '\(DisplayText.escaped(folder.path))': it is a file, not a folder")
        }
        return (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey])) ?? []
    }

    /// True when every entry is a regular file named like this compile's output or the runtime's.
    static func isOwnOutput(_ entries: [URL], names: Set<String>) -> Bool {
        entries.allSatisfy { url in
            let name = url.lastPathComponent
            let regular = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            return regular && (names.contains(name)
                || (name.hasPrefix("mcuc_") && (name.hasSuffix(".c") || name.hasSuffix(".h"))))
        }
    }

    /// Puts `staging` where `destination` was: the old folder moves aside, the new one in, the
    /// old one is removed.
    static func replace(_ destination: URL, with staging: URL) throws(CompileError) {
        let aside = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).mcuc-old-\(UUID().uuidString)")
        let hadOld = FileManager.default.fileExists(atPath: destination.path)
        if hadOld {
            ScratchDirectories.register(aside)
            try move(destination, to: aside)
        }
        defer { if hadOld { ScratchDirectories.remove(aside) } }
        do {
            try move(staging, to: destination)
        } catch {
            if hadOld { try? FileManager.default.moveItem(at: aside, to: destination) }
            throw error
        }
    }

    /// `rename(2)`: atomic within one file system.
    static func move(_ source: URL, to destination: URL) throws(CompileError) {
        guard rename(source.path, destination.path) == 0 else {
            throw CompileError(.badInput, "cannot write '\(DisplayText.escaped(destination.path))': "
                + SystemErrorText.posixReason(errno))
        }
    }
}
