import Foundation

/// Runs command-line tools (compilers, the mcuc binary) from tests.
public enum ExternalTools {
    /// True when `name` is an executable on PATH.
    public static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `tool` (found on PATH) with `arguments` in `directory`; its status. Output is discarded.
    public static func run(_ tool: String, _ arguments: [String], in directory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension ExternalTools {
    /// Runs `tool` (found on PATH) with `arguments` in `directory` with no signal blocked and every
    /// signal's default action; its status and its stdout and stderr together. Test threads block
    /// signals and a child inherits that mask: a tool that waits for SIGCHLD (cmake) would hang.
    public static func runUnblocked(_ tool: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-tool-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let script = "cd \"$1\" && log=\"$2\" && shift 2 && exec \"$@\" >\"$log\" 2>&1 </dev/null"
        let argv = ["/bin/sh", "-c", script, "sh", directory.path, log.path, tool] + arguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, "/bin/sh", nil, &attributes, &cArguments, environ)
        guard started == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), text)
    }
}
