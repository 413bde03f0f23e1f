import ArgumentParser
import Driver

/// `mcuc fit MODEL [--target NAME | --all-targets]`: does it fit, and where.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check SRAM and Flash against one device or all of them; exit 0 only if the model fits."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @Option(help: "Target device name, alias or .json file (default \(TargetCatalog.defaultTargetName)).")
    var target: String?

    @Flag(help: "Check every built-in target; exit 0 if at least one fits.")
    var allTargets = false

    @Flag(help: "Graph inputs and outputs live in caller-owned memory, outside the arena.")
    var externalIO = false

    @Option(help: "Override the target's SRAM size (e.g. 256K).")
    var sram: String?

    @Option(help: "Override the target's Flash size (e.g. 1M).")
    var flash: String?

    @Flag(help: "Print JSON (\"version\": 1) instead of a table.")
    var json = false

    func run() throws {
        try finish(Commands.fit(FitCommandOptions(model: model, target: target, allTargets: allTargets,
                                                  externalIO: externalIO, sram: sram, flash: flash, json: json)))
    }
}
