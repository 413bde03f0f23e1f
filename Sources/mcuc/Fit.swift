import ArgumentParser
import Driver

/// `mcuc fit MODEL [--target NAME | --all-targets]`: does it fit, and where.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check SRAM and Flash against one device or all of them; exit 0 only if the model fits."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var targetOptions: TargetOptions

    @Flag(help: "Check every built-in target; exit 0 if at least one fits.")
    var allTargets = false

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    @OptionGroup var memorySource: MemorySourceOptions

    @OptionGroup var budget: MemoryBudgetOptions

    @OptionGroup var output: JSONOptions

    func run() throws {
        try finish(Commands.fit(FitCommandOptions(model: model, target: targetOptions.target, allTargets: allTargets,
                                                  externalIO: io.externalIO, sram: budget.sram, flash: budget.flash,
                                                  json: output.json, io: boundary.io,
                                                  patching: patching.options, memory: memorySource.source)))
    }
}
