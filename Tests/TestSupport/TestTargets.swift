import Driver
import IR

/// Targets for tests that plan or lower without the command line.
public enum TestTargets {
    /// The default board (`nucleo-l4r5zi`, Cortex-M4 with DSP and FPU).
    public static var `default`: Target { TargetCatalog.defaultTarget }

    /// The built-in target called `name`.
    public static func named(_ name: String) -> Target {
        guard let target = TargetCatalog.builtin.first(where: { $0.name == name }) else {
            preconditionFailure("no built-in target \(name)")
        }
        return target
    }
}
