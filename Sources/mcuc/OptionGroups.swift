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

/// `--patch`, `--input-streaming`, `--max-mac-overhead`: patch-based inference of the first stage;
/// `--prefer`: fast kernels against their SRAM.
struct PatchOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Run the first operators patch by patch: none (layer by layer), auto (the smallest peak within --max-mac-overhead), fit (the least MAC overhead that fits the target's SRAM), or RxC@K (an R-by-C grid over the first K operators).", valueName: "none|auto|fit|RxC@K"))
    var patch: PatchChoice = .none

    @Flag(help: "The patch stage reads the graph input through <prefix>_read_input(...) per patch instead of holding it.")
    var inputStreaming = false

    @Option(help: ArgumentHelp("Largest MAC overhead --patch auto/fit accept, in percent of the layer-based MACs (default 20).", valueName: "percent"),
            transform: { text in
                guard let value = PatchingOptions.overhead(text) else {
                    throw ValidationError("--max-mac-overhead '\(text)' is not a percentage from 0 to 1000 (e.g. 20 or 20%)")
                }
                return value
            })
    var maxMacOverhead: Double = 0.2

    @Option(help: ArgumentHelp("Kernels where a fast variant needs more SRAM than the portable one: speed (fastest everywhere), memory (never above the memory-lean peak) or balanced (fastest within 5% of it).", valueName: "memory|speed|balanced"))
    var prefer: KernelPreference = .balanced

    /// The Driver's value.
    var options: PatchingOptions {
        PatchingOptions(patch: patch, inputStreaming: inputStreaming, maxMACOverhead: maxMacOverhead, prefer: prefer)
    }
}

/// `--core m0|m3|m4|m7|m33|m55`: the Cortex-M core the qemu engine builds for and emulates.
struct QemuCoreOptions: ParsableArguments {
    @Option(help: "Cortex-M core for the qemu engine (default: the target's core).")
    var core: QemuCore?
}

/// `--estimate`: Flash and SRAM from the estimate model instead of the ELF.
struct MemorySourceOptions: ParsableArguments {
    @Flag(help: "Report Flash, SRAM and stack from the estimate model instead of building the model with arm-none-eabi-gcc for the target's core and reading its ELF (the default when the toolchain is installed).")
    var estimate = false

    var source: MemorySource { estimate ? .estimate : .measure }
}
