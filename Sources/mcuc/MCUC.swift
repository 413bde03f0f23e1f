import ArgumentParser
import Driver
import Foundation

/// The mcuc command line: deploys int8 TFLite models to Cortex-M microcontrollers.
@main
struct MCUC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcuc",
        abstract: "Compile int8 TFLite models for Cortex-M microcontrollers, plan their memory, prove them bit-exact.",
        subcommands: [Inspect.self, Run.self, Plan.self, Fit.self, Targets.self, Compile.self, Simulate.self]
    )
}

/// Writes a command's output and exits with its code.
func finish(_ output: CommandOutput) throws {
    FileHandle.standardOutput.write(Data(output.stdout.utf8))
    FileHandle.standardError.write(Data(output.stderr.utf8))
    if output.exitCode != 0 { throw ExitCode(output.exitCode) }
}
