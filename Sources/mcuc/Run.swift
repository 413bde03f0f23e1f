import ArgumentParser
import Driver

/// `mcuc run MODEL --input IN.npy ... --output OUT.npy ...`: one inference from `.npy` files.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one inference on .npy (or .npz) inputs and write .npy (or .npz) outputs."
    )

    @Argument(help: "The .tflite model.")
    var model: String

    @Option(name: .customLong("input"), help: "An input .npy file, one per model input, in order; or one .npz holding in0, in1, ...")
    var inputs: [String] = []

    @Option(name: .customLong("output"), help: "Where to write each model output (.npy), in order; or one .npz for all (out0, out1, ...).")
    var outputs: [String] = []

    @Option(help: "Executor: the Swift reference interpreter, the emitted C built for the host, or the emitted C built for a Cortex-M core and run under QEMU.")
    var engine: Engine = .reference

    @Option(help: "Write t<TFLite tensor index>.npy for every activation tensor into this folder.")
    var dumpTensors: String?

    @OptionGroup var boundary: BoundaryTypeOptions

    @OptionGroup var patching: PatchOptionGroup

    @OptionGroup var core: QemuCoreOptions

    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        try finish(Commands.run(model: model, inputs: inputs, outputs: outputs, engine: engine,
                                dumpTensors: dumpTensors, io: boundary.io, patching: patching.options,
                                core: core.core, target: targetOptions.target))
    }
}
