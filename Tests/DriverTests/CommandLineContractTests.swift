import Driver
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

    /// Every error is exactly one `error: ...` line (no `Usage:` / `Help:` block), exit 2 for usage.
    @Test func usageErrorsAreOneLine() throws {
        let cases: [[String]] = [
            ["inspect"], ["no-such-command"], ["plan", Self.example, "--planner", "fastest"],
            ["simulate", Self.example, "--inputs", "-1"], ["simulate", Self.example, "--seed", "-5"],
            ["simulate", Self.example, "--seed=-5"], ["fit", Self.example, "--sram", "-5K"], ["help", "nope"],
            ["compile", Self.example, "--prefix", "main"],
        ]
        for arguments in cases {
            let result = try Self.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.filter { $0 == "\n" }.count == 1,
                    "\(arguments): \(result.stderr)")
        }
    }

    /// A negative number is named as such, not reported as a missing value.
    @Test func negativeNumbersAreNamed() throws {
        for arguments in [["simulate", Self.example, "--inputs", "-1"], ["simulate", Self.example, "--seed", "-5"],
                          ["fit", Self.example, "--sram", "-5K"]] {
            let result = try Self.run(arguments)
            #expect(result.stderr == "error: \(arguments[2]) \(arguments[3]): negative values are not accepted\n")
        }
    }

    @Test func helpForAnUnknownCommandFails() throws {
        let result = try Self.run(["help", "nope"])
        #expect(result.status == 2 && result.stderr.contains("unknown command 'nope'"))
        #expect(try Self.run(["help", "plan"]).status == 0)
    }

    @Test func versionIsPrinted() throws {
        #expect(try Self.output(["--version"]) == "mcuc \(Commands.version)\n")
        #expect(try Self.run(["--version"]).status == 0)
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
