import ArgumentParser
import Driver

/// `mcuc simulate MODEL [--target NAME] [--inputs N] [--seed S] [--json]`.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the emitted C on the host, run seeded random inputs through it and the reference, compare bit for bit, measure the arena."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Number of seeded random input sets.")
    var inputs = 5

    @Option(help: "Seed of the random inputs.")
    var seed: UInt64 = 0

    @Option(help: "Where the emitted C runs (host: the host C compiler).")
    var on: SimulationPlatform = .host

    @OptionGroup var output: JSONOptions

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    func run() throws {
        try finish(Commands.simulate(SimulateCommandOptions(model: model, target: targetOptions.target, inputs: inputs,
                                                            seed: seed, json: output.json, externalIO: io.externalIO,
                                                            platform: on, io: boundary.io,
                                                            patching: patching.options)))
    }
}
