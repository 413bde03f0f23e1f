import ArgumentParser
import Driver

/// `mcuc plan MODEL ...`: where every byte of SRAM goes.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the model's memory: per-step live bytes, arena chart, bounds, SRAM/Flash and the fit verdict."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Placement algorithm; best runs them all and keeps the smallest arena.")
    var planner: PlannerChoice = .best

    @OptionGroup var output: JSONOptions

    @Option(help: "Also draw the plan as an SVG file.")
    var svg: String?

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var budget: MemoryBudgetOptions

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    @Flag(help: "With --patch auto or fit: list the candidates the search considered (peak, MAC overhead, Pareto front).")
    var verbose = false

    @OptionGroup var memorySource: MemorySourceOptions

    @Option(name: .customLong("emit-tflm-plan"),
            help: "Write a copy of the model carrying an offline memory plan for TensorFlow Lite Micro.")
    var emitTFLMPlan: String?

    @Option(help: dumpStageHelp(allowed: PipelineStage.planning), transform: dumpStage(allowed: PipelineStage.planning))
    var dumpAfter: PipelineStage?

    func run() throws {
        try finish(Commands.plan(PlanCommandOptions(model: model, target: targetOptions.target, planner: planner,
                                                    json: output.json, svgPath: svg, externalIO: io.externalIO,
                                                    sram: budget.sram, flash: budget.flash,
                                                    tflmPlanPath: emitTFLMPlan, dumpAfter: dumpAfter,
                                                    io: boundary.io, patching: patching.options, verbose: verbose,
                                                    memory: memorySource.source)))
    }
}
