import ArgumentParser
import Driver

/// Parses `--dump-after STAGE` for a command that runs the stages `allowed`: an unknown name is a
/// usage error (exit 2) listing them.
func dumpStage(allowed: [PipelineStage]) -> @Sendable (String) throws -> PipelineStage {
    { name in
        do throws(UsageError) {
            return try PipelineStage.named(name, allowed: allowed)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// The `--dump-after` help for a command running the stages `allowed`.
func dumpStageHelp(allowed: [PipelineStage]) -> ArgumentHelp {
    ArgumentHelp("Print only the value after this stage as stable text and stop (nothing else is printed or written): "
        + allowed.map(\.rawValue).joined(separator: ", ") + ".", valueName: "stage")
}
