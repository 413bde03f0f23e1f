import ArgumentParser
import Driver

/// `mcuc report MODEL [-o report.html] [--on qemu [--core C]]`: the deployment report as one HTML page.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report: summary, memory chart, per-layer table, fit on every target."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @Option(name: .short, help: "Output file (default report.html).")
    var o: String = "report.html"

    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Placement algorithm; best runs them all and keeps the smallest arena.")
    var planner: PlannerChoice = .best

    @OptionGroup var io: ExternalIOOptions

    @OptionGroup var budget: MemoryBudgetOptions

    @Option(help: "host: no instruction counts; qemu: build the emitted C for the target's core (or --core), run one seeded inference under QEMU and put each layer's instructions in the table.")
    var on: SimulationPlatform = .host

    @OptionGroup var core: QemuCoreOptions

    func run() throws {
        try finish(Commands.report(ReportCommandOptions(model: model, outputPath: o, target: targetOptions.target,
                                                        planner: planner, externalIO: io.externalIO, sram: budget.sram,
                                                        flash: budget.flash, platform: on, core: core.core)))
    }
}
