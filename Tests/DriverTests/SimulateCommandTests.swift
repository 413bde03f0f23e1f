import Driver
import Foundation
import Testing
import TestSupport

/// `mcuc simulate` over many inputs: bounded memory, the same result as one batch, and no
/// temporary folder left behind, even when stopped by a signal.
@Suite(.enabled(if: InstalledBinaryTests.builtBinary != nil, "the mcuc executable is not built next to the tests"))
struct SimulateCommandTests {
    static var model: String {
        SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops/relu6_000_same_q.tflite").path
    }

    /// Starts `mcuc simulate` with its temporary folder in `tmp`.
    static func start(_ arguments: [String], tmp: URL) throws -> Process {
        let process = Process()
        process.executableURL = try #require(InstalledBinaryTests.builtBinary)
        process.arguments = ["simulate", model] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs mcuc with `arguments` (posix_spawn + wait4, so the child's own usage is read) and
    /// returns its peak resident set in KiB; the run must succeed.
    static func peakRSS(_ arguments: [String]) throws -> Int {
        let binary = try #require(InstalledBinaryTests.builtBinary).path
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        #expect(posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0)
        var status: Int32 = 0
        var usage = rusage()
        #expect(wait4(pid, &status, 0, &usage) == pid)
        #expect(status == 0, "mcuc \(arguments) failed")
        return usage.ru_maxrss
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Many inputs run in batches: the tensors compared add up exactly, and memory does not grow
    /// with the input count (peak RSS of 2,000 inputs within 1.5x that of 200 plus slack).
    @Test func manyInputsStreamInBoundedMemory() throws {
        func json(_ count: Int) throws -> [String: Any] {
            let output = Commands.simulate(SimulateCommandOptions(model: Self.model, inputs: count, json: true))
            #expect(output.exitCode == 0, "\(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        }
        let one = try json(1)["tensors_compared"] as! Int
        let many = try json(600)
        #expect(many["tensors_compared"] as? Int == 600 * one)
        #expect(many["bit_exact"] as? Bool == true && many["mismatching_inferences"] as? Int == 0)
        let small = try Self.peakRSS(["simulate", Self.model, "--inputs", "200"])
        let large = try Self.peakRSS(["simulate", Self.model, "--inputs", "2000"])
        #expect(small > 0 && large > 0)
        #expect(large < small * 3 / 2 + 20_000, "peak RSS \(small) KiB for 200 inputs, \(large) KiB for 2,000")
    }

    /// SIGINT and SIGTERM in the middle of a run remove the host-build folder.
    @Test(arguments: [SIGINT, SIGTERM])
    func signalsRemoveTheTemporaryFolder(_ signal: Int32) throws {
        let tmp = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let process = try Self.start(["--inputs", "100000000"], tmp: tmp)
        var waited = 0
        while (try FileManager.default.contentsOfDirectory(atPath: tmp.path)).isEmpty && waited < 600 {
            usleep(100_000)
            waited += 1
        }
        usleep(500_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        // (A C compiler still running may keep its own cc* temporary files there a moment longer.)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("mcuc-") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A run that fails after making its folder (here the C compiler fails) leaves none behind.
    @Test func errorsRemoveTheTemporaryFolder() throws {
        let tmp = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let process = Process()
        process.executableURL = try #require(InstalledBinaryTests.builtBinary)
        process.arguments = ["simulate", Self.model]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path, "CC": "false"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }
}
