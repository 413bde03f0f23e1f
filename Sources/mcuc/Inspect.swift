import ArgumentParser
import Driver

/// `mcuc inspect MODEL [--json]`: what a model contains, and what mcuc cannot compile.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a model's operators, shapes, MACs, weights, I/O quantization and unsupported ops."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @OptionGroup var output: JSONOptions

    func run() throws {
        try finish(Commands.inspect(model: model, json: output.json))
    }
}
