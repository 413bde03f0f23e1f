import ArgumentParser
import Driver

/// `mcuc plan MODEL ...`: where every byte of SRAM goes.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the model's memory: per-step live bytes, arena chart, bounds, SRAM/Flash and the fit verdict."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @Option(help: "Target device name, alias or .json file (default \(TargetCatalog.defaultTargetName); see `mcuc targets`).")
    var target: String?

    @Option(help: "Placement algorithm: best (all, keep the smallest), \(PipelineOptions.plannerNames.joined(separator: ", ")).")
    var planner: String?

    @Flag(help: "Print JSON (\"version\": 1) instead of text.")
    var json = false

    @Option(help: "Also draw the plan as an SVG file.")
    var svg: String?

    @Flag(help: "Graph inputs and outputs live in caller-owned memory, outside the arena.")
    var externalIO = false

    @Option(help: "Override the target's SRAM size (e.g. 256K).")
    var sram: String?

    @Option(help: "Override the target's Flash size (e.g. 1M).")
    var flash: String?

    @Option(name: .customLong("emit-tflm-plan"),
            help: "Write a copy of the model carrying an offline memory plan for TensorFlow Lite Micro.")
    var emitTFLMPlan: String?

    @Option(help: dumpStageHelp(allowed: PipelineStage.planning), transform: dumpStage(allowed: PipelineStage.planning))
    var dumpAfter: PipelineStage?

    func run() throws {
        try finish(Commands.plan(PlanCommandOptions(model: model, target: target, planner: planner, json: json,
                                                    svgPath: svg, externalIO: externalIO, sram: sram, flash: flash,
                                                    tflmPlanPath: emitTFLMPlan, dumpAfter: dumpAfter)))
    }
}
