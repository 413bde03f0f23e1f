import CodeGen
import Foundation
import IR
import Simulator

/// Which core the qemu engine uses: `--core`, else the target's core. Giving both with different
/// cores is a usage error.
public enum QemuTargeting {
    /// The platform for `core` (nil: none given) and `target` (`targetGiven`: named on the command line).
    public static func platform(core: CortexMCore?, target: Target, targetGiven: Bool) throws(UsageError) -> QemuPlatform {
        let fromTarget = QemuPlatform(target: target.core)
        guard let core else { return fromTarget }
        if targetGiven && core != fromTarget.core {
            throw UsageError("--core \(core.rawValue) contradicts --target \(target.name) (\(target.core.rawValue)); "
                + "give one of them")
        }
        return targetGiven ? fromTarget : QemuPlatform(core: core)
    }

    /// The target to plan for when the model runs on `platform`: `target` itself on its own core,
    /// else `target` with the instruction-set features of the emulated core (so `--core m55`
    /// picks the Helium variants although the default target is a Cortex-M4 board). Memory sizes
    /// stay the target's.
    public static func planningTarget(_ target: Target, on platform: QemuPlatform) -> Target {
        guard platform.core != CortexMCore(target.core) else { return target }
        var planned = target
        planned.features = platform.core.features
        if let core = Target.Core(rawValue: platform.cpu) { planned.core = core }
        return planned
    }
}

extension Pipeline {
    /// Plans (rewrites included) for `options.target`, generates and builds `graph` for `platform`
    /// under QEMU (`programs`); the caller removes `build.directory` and compares against the
    /// returned `PlannedModel.graph`.
    static func qemuBuild(_ graph: Graph, modelPath: String, options: PipelineOptions,
                          platform: QemuPlatform, programs: Set<QemuProgram>) throws(CompileError) -> (PlannedModel, QemuBuild) {
        let planned = try plan(graph, options: options)
        let sources = try generate(planned, modelPath: modelPath, prefix: nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-qemu-\(UUID().uuidString)")
        do {
            return (planned, try QemuBuild.make(sources, in: directory, options: QemuBuildOptions(platform: platform),
                                                programs: programs))
        } catch {
            cleanup(directory)
            throw error
        }
    }
}

/// The cores of the qemu engine (`CortexMCore`), for the command line, which sees only `Driver`.
public typealias QemuCore = CortexMCore
