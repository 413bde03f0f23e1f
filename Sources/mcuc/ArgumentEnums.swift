import ArgumentParser
import Driver

// The CLI's enumerated values: the parser validates them once, and `--help` lists them
// (`CaseIterable`), so no command re-checks a name.

extension Engine: ExpressibleByArgument {}
extension IOMode: ExpressibleByArgument {}
extension PlannerChoice: ExpressibleByArgument {}
extension SimulationPlatform: ExpressibleByArgument {}
extension QemuCore: ExpressibleByArgument {}
extension KernelPreference: ExpressibleByArgument {}

extension PatchChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(patchArgument: argument) }
}
