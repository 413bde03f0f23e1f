import ArgumentParser
import Driver
import Foundation

/// The mcuc command line: deploys int8 TFLite models to Cortex-M microcontrollers.
@main
struct MCUC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcuc",
        abstract: "Compile int8 TFLite models for Cortex-M microcontrollers, plan their memory, prove them bit-exact.",
        subcommands: [Inspect.self, Run.self, Plan.self, Fit.self, Targets.self, Compile.self, Simulate.self, Report.self]
    )

    /// Parses and runs the command. Usage errors exit with status 2 (DESIGN.md's contract) instead of
    /// swift-argument-parser's 64; everything else keeps its own status.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes a command's output and exits with its code.
func finish(_ output: CommandOutput) throws {
    FileHandle.standardOutput.write(Data(output.stdout.utf8))
    FileHandle.standardError.write(Data(output.stderr.utf8))
    if output.exitCode != 0 { throw ExitCode(output.exitCode) }
}
