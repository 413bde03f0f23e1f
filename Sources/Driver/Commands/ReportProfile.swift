import IR
import Simulator

/// The instructions `mcuc report --on qemu` puts in the layer table: one seeded inference of the
/// emitted C built for a Cortex-M core and counted under QEMU, step by step.
public struct ReportProfile: Sendable {
    /// Instructions of each schedule step (markers and the I/O copies outside the steps excluded).
    public var steps: [Int]
    /// Instructions of the whole counted function (`<prefix>_run` or `<prefix>_invoke`).
    public var total: Int
    /// `Cortex-M4 on mps2-an386, -mcpu=cortex-m4`.
    public var platform: String
}

extension Commands {
    /// Plans `graph` with `options`, builds it for `platform` and counts one inference (seed 0).
    /// The plan is the one the report shows, so its steps are the profile's.
    static func profileOnQemu(_ graph: Graph, modelPath: String, options: PipelineOptions,
                              platform: QemuPlatform) throws(CompileError) -> (PlannedModel, ReportProfile) {
        let (planned, build) = try Pipeline.qemuBuild(graph, modelPath: modelPath, options: options, platform: platform,
                                                      programs: [.profile])
        defer { Pipeline.cleanup(build.directory) }
        let run = try build.run(.profile, inputs: RandomInputs.sets(for: planned.graph, count: 1, seed: 0))
        guard run.harness.status == 0, let profile = run.profiles.first,
              profile.steps.count == planned.kernels.calls.count else {
            throw CompileError(.mismatch, "the emitted C returned status \(run.harness.status) or no profile under QEMU")
        }
        return (planned, ReportProfile(steps: profile.steps, total: profile.total,
                                       platform: "\(platform.core.displayName), -mcpu=\(platform.cpu)"))
    }
}
