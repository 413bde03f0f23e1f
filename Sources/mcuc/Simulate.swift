import ArgumentParser
import Driver

/// `mcuc simulate MODEL [--target NAME] [--inputs N] [--seed S] [--on host|qemu] [--core C] [--svg FILE] [--json]`.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the emitted C for the host or a Cortex-M core under QEMU, run seeded random inputs through it and the reference, compare bit for bit, measure the arena (on QEMU also instructions per step, Flash and SRAM)."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Number of seeded random input sets.")
    var inputs = 5

    @Option(help: "Seed of the random inputs.")
    var seed: UInt64 = 0

    @Option(help: "Where the emitted C runs: host (the host C compiler) or qemu (arm-none-eabi-gcc for a Cortex-M core under QEMU: instructions per step, Flash and SRAM from the ELF).")
    var on: SimulationPlatform = .host

    @OptionGroup var core: QemuCoreOptions

    @Option(help: "With --on qemu, draw the instruction profile next to each step's live memory as an SVG file.")
    var svg: String?

    @OptionGroup var output: JSONOptions

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    @OptionGroup var memorySource: MemorySourceOptions

    func run() throws {
        try finish(Commands.simulate(SimulateCommandOptions(model: model, target: targetOptions.target, inputs: inputs,
                                                            seed: seed, json: output.json, externalIO: io.externalIO,
                                                            platform: on, io: boundary.io,
                                                            patching: patching.options, core: core.core, svgPath: svg,
                                                            memory: memorySource.source)))
    }
}
