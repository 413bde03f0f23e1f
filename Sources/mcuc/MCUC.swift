import ArgumentParser
import Driver
import Foundation

/// The mcuc command line: deploys int8 TFLite models to Cortex-M microcontrollers.
@main
struct MCUC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcuc",
        abstract: "Compile int8 TFLite models for Cortex-M microcontrollers, plan their memory, prove them bit-exact.",
        version: "mcuc \(Commands.version)",
        subcommands: [Inspect.self, Run.self, Plan.self, Fit.self, Targets.self, Operators.self, Compile.self, Simulate.self, Report.self]
    )

    /// Parses and runs the command. Every error is one `error: ...` line on stderr; usage errors
    /// exit with status 2 (DESIGN.md's contract) instead of swift-argument-parser's 64; help and
    /// `--version` print to stdout and exit 0; everything else keeps its command's status.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        ScratchDirectories.removeOnSignals()
        do {
            try CommandLineChecks.check(arguments, subcommands: configuration.subcommands.map { $0._commandName })
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as UsageError {
            failUsage(error.message)
        } catch {
            switch exitCode(for: error) {
            case .success: exit(withError: error)
            case .validationFailure: failUsage(ErrorLine.flatten(message(for: error)))
            default:
                if error is ExitCode { exit(withError: error) }
                FileHandle.standardError.write(Data(("error: " + ErrorLine.flatten(message(for: error)) + "\n").utf8))
                Foundation.exit(1)
            }
        }
    }

    /// `error: <message>` on stderr, exit 2.
    static func failUsage(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

/// Writes a command's output and exits with its code.
func finish(_ output: CommandOutput) throws {
    ScratchDirectories.holdIfStopping()
    FileHandle.standardOutput.write(Data(output.stdout.utf8))
    FileHandle.standardError.write(Data(output.stderr.utf8))
    if output.exitCode != 0 { throw ExitCode(output.exitCode) }
}
