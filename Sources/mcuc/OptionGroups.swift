import ArgumentParser
import Driver

/// `--target NAME`: the device a command plans or builds for.
struct TargetOptions: ParsableArguments {
    @Option(help: "Target device name, alias or .json file (default \(TargetCatalog.defaultTargetName); see `mcuc targets`).")
    var target: String?
}

/// `--sram SIZE` / `--flash SIZE`: override the target's memory sizes.
struct MemoryBudgetOptions: ParsableArguments {
    @Option(help: "Override the target's SRAM size (e.g. 256K).")
    var sram: String?

    @Option(help: "Override the target's Flash size (e.g. 1M).")
    var flash: String?
}

/// `--external-io`: where the graph's inputs and outputs live.
struct ExternalIOOptions: ParsableArguments {
    @Flag(help: "Graph inputs and outputs live in caller-owned memory, outside the arena.")
    var externalIO = false
}

/// `--json`: machine-readable output.
struct JSONOptions: ParsableArguments {
    @Flag(help: "Print JSON (\"version\": 1) instead of text.")
    var json = false
}

/// `--io model|int8`: the element types the application exchanges at the graph boundary.
struct BoundaryTypeOptions: ParsableArguments {
    @Option(help: "Graph inputs and outputs: model (as the model declares them) or int8 (drop a boundary QUANTIZE/DEQUANTIZE so the application exchanges int8; the header gives scale and zero point).")
    var io: IOMode = .model
}
