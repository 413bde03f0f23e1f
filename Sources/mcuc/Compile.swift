import ArgumentParser
import Driver

/// `mcuc compile MODEL [--target NAME] [-o DIR] [--prefix NAME]`: C99 for the model.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emit C99 for the model: <prefix>.h/.c, weights, the kernels it needs, CMakeLists.txt, Makefile, README.txt."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var targetOptions: TargetOptions

    @OptionGroup var budget: MemoryBudgetOptions

    @Flag(help: "Fail (exit 1, nothing written) when the model does not fit the target, instead of warning.")
    var requireFit = false

    @Option(name: .short, help: "Output folder (default out/<prefix>).")
    var o: String?

    @Option(help: "Prefix of the emitted names and files (default: from the model's file name).")
    var prefix: String?

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    @Option(help: "Put every constant table (weights, biases, multipliers) in this linker section; <prefix>_memory.ld places it.")
    var weightsSection: String?

    @OptionGroup var memorySource: MemorySourceOptions

    @Option(help: dumpStageHelp(allowed: PipelineStage.allCases), transform: dumpStage(allowed: PipelineStage.allCases))
    var dumpAfter: PipelineStage?

    func run() throws {
        try finish(Commands.compile(CompileCommandOptions(model: model, target: targetOptions.target, outputDirectory: o,
                                                          prefix: prefix, externalIO: io.externalIO,
                                                          dumpAfter: dumpAfter, io: boundary.io,
                                                          sram: budget.sram, flash: budget.flash, requireFit: requireFit,
                                                          patching: patching.options,
                                                          weightsSection: weightsSection, memory: memorySource.source)))
    }
}
