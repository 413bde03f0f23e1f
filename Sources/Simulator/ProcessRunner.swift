import Foundation
import IR

/// Runs a host program to completion with stdout and stderr captured through files (no pipe can
/// fill up and stall it).
enum ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ran past its timeout and was killed.
        var timedOut = false
    }

    /// Runs `executable` with `arguments` in `directory`; kills it after `timeout` seconds (then
    /// `timedOut` is true). Throws when it cannot be started.
    static func run(_ executable: String, _ arguments: [String], in directory: URL,
                    environment: [String: String]? = nil, timeout: Double? = nil) throws(CompileError) -> Result {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        var timedOut = false
        let id = UUID().uuidString
        let outURL = directory.appendingPathComponent(".stdout-\(id)")
        let errURL = directory.appendingPathComponent(".stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        do {
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            if let timeout, finished.wait(timeout: .now() + timeout) == .timedOut {
                timedOut = true
                process.terminate()
                if finished.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            }
            process.waitUntilExit()
            try out.close()
            try err.close()
        } catch {
            throw CompileError(.mismatch, "cannot run '\(executable)': \(SystemErrorText.reason(error))")
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }
}
