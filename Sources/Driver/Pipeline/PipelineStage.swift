import IR

/// A stage of the pipeline whose value `--dump-after` prints, in pipeline order.
///
/// `mcuc plan` runs `planning` (every stage but `codegen`); `mcuc compile` runs them all.
public enum PipelineStage: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The imported `Graph` (`GraphText`), before the support check: printable even for a model
    /// mcuc cannot compile.
    case frontend
    /// The `Graph` after the canonicalizing rewrites (`GraphPasses`, e.g. `--io int8`), as
    /// `GraphText`; equal to `frontend` when no rewrite applies.
    case passes
    /// The `Schedule` (`ScheduleText`).
    case schedule
    /// The `KernelPlan` (`KernelPlanText`): per step the kernel, scratch bytes and memory contract.
    case lowering
    /// The `MemoryPlan` (`MemoryPlanText`): per buffer its tensor, offset, bytes, lifetime and
    /// sharing rule; the arena and bounds.
    case memory
    /// The `GeneratedSources` (`GeneratedSourcesText`): the emitted files and their sizes.
    case codegen

    /// The stages `mcuc plan` runs, in order.
    public static let planning: [PipelineStage] = [.frontend, .passes, .schedule, .lowering, .memory]

    /// The name `--dump-after` takes (`memory`).
    public var description: String { rawValue }

    /// The stage called `name`, if it is one of `allowed`; otherwise a usage error listing them
    /// (`unknown stage 'x'; expected one of frontend, schedule, ...`).
    public static func named(_ name: String, allowed: [PipelineStage] = allCases) throws(UsageError) -> PipelineStage {
        let expected = "expected one of " + allowed.map(\.rawValue).joined(separator: ", ")
        guard let stage = PipelineStage(rawValue: name) else {
            throw UsageError("unknown stage '\(DisplayText.escaped(name))'; \(expected)")
        }
        guard allowed.contains(stage) else {
            throw UsageError("this command does not run the \(stage) stage; \(expected)")
        }
        return stage
    }
}

/// How a pipeline run ended: stopped after a stage (`--dump-after`), carrying that stage's stable
/// text, or finished with the run's final value.
public enum StageResult<Value> {
    /// The run stopped after `stage`; `text` is its value's stable text form, ending in a newline.
    case stopped(after: PipelineStage, text: String)
    /// Every stage ran.
    case finished(Value)
}

extension StageResult: Sendable where Value: Sendable {}
