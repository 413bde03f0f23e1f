import ArgumentParser
import Driver

/// `mcuc simulate MODEL [--target NAME] [--inputs N] [--seed S] [--json]`.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the emitted C on the host, run seeded random inputs through it and the reference, compare bit for bit, measure the arena."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @Option(help: "Target device name, alias or .json file (default \(TargetCatalog.defaultTargetName)).")
    var target: String?

    @Option(help: "Number of seeded random input sets.")
    var inputs = 5

    @Option(help: "Seed of the random inputs.")
    var seed: UInt64 = 0

    @Option(help: "Where to run: host (the host C compiler).")
    var on = "host"

    @Flag(help: "Print JSON (\"version\": 1) instead of text.")
    var json = false

    @Flag(help: "Graph inputs and outputs live in caller-owned memory, outside the arena.")
    var externalIO = false

    func validate() throws {
        guard on == "host" else { throw ValidationError("--on \(on) is not available yet; use --on host") }
    }

    func run() throws {
        try finish(Commands.simulate(SimulateCommandOptions(model: model, target: target, inputs: inputs, seed: seed,
                                                            json: json, externalIO: externalIO)))
    }
}
