import Foundation
import Testing
import TestSupport

/// The exit-code contract of DESIGN.md, checked on the real executable: 0 success, 1 invalid or
/// unsupported model, 2 usage error.
@Suite(.enabled(if: InstalledBinaryTests.builtBinary != nil, "the mcuc executable is not built next to the tests"))
struct CommandLineContractTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        guard let binary = InstalledBinaryTests.builtBinary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The standard output of `mcuc arguments`.
    static func output(_ arguments: [String]) throws -> String {
        guard let binary = InstalledBinaryTests.builtBinary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try Self.run(["inspect"]).status == 2)
        #expect(try Self.run(["no-such-command"]).status == 2)
        #expect(try Self.run(["inspect", Self.example, "--no-such-flag"]).status == 2)
        #expect(try Self.run(["plan", Self.example, "--planner", "fastest"]).status == 2)
        #expect(try Self.run(["run", Self.example, "--engine", "gpu"]).status == 2)
        #expect(try Self.run(["simulate", Self.example, "--on", "fpga"]).status == 2)
        #expect(try Self.run(["report", Self.example, "--target", "esp32", "-o", "/nonexistent/r.html"]).status == 2)
    }

    /// Enumerated options are validated by the parser, and `--help` lists every value.
    @Test func helpListsEnumeratedValues() throws {
        let plan = try Self.output(["plan", "--help"])
        #expect(plan.contains("best") && plan.contains("greedy-by-size") && plan.contains("branch-and-bound"))
        let run = try Self.output(["run", "--help"])
        #expect(run.contains("reference") && run.contains("host"))
        #expect(try Self.output(["simulate", "--help"]).contains("host"))
        #expect(try Self.output(["report", "--help"]).contains("HTML"))
    }

    @Test func invalidModelExitsWithOneAndOneLine() throws {
        let result = try Self.run(["inspect", "/nonexistent.tflite"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func successExitsWithZero() throws {
        #expect(try Self.run(["inspect", Self.example]).status == 0)
        #expect(try Self.run(["--help"]).status == 0)
    }
}
