/// The values the mustache skeletons of `Templates/` render. Each view has exactly the tags its
/// template uses (the template lint test checks every tag exists in its view).

/// One graph input or output in the header and README.
struct IOView {
    var role: String
    var index: Int
    var ctype: String
    var shapeText: String
    var nameComment: String?
    var macro: String
    var bytes: Int
    var elements: Int
    var quantized: Bool
    var scale: String
    var zeroPoint: Int32
}

/// The model's state buffer (variable tensors kept between invokes) and what `<prefix>_reset`
/// writes in it: zero or one per model.
struct StateView {
    var bytes: Int
    var resets: [StateResetView]
}

/// One variable tensor's reset: `bytes` bytes at `offset` set to `value` (TFLM's reset value).
struct StateResetView {
    var offset: Int
    var bytes: Int
    var value: Int32
    var tensor: Int
    var description: String
}

/// `model.h.mustache`.
struct HeaderView {
    var version: String
    var prefix: String
    /// Stem of the model's file names (`CName.fileStem`).
    var fileStem: String
    var modelComment: String
    var targetComment: String
    var includeGuard: String
    var macroPrefix: String
    var arenaBytes: Int
    var arenaAlignment: Int
    var inputCount: Int
    var outputCount: Int
    var tensors: [IOView]
    var parameters: String
    /// Zero-copy I/O: `_input`, `_output`, `_run` and the offset macros (false: `--external-io`).
    var inArena: Bool
    var inputAccessors: [AccessorView]
    var outputAccessors: [AccessorView]
    /// `uint8_t *arena[, uint8_t *arena1 ...]` and the `const` form; one array per memory region.
    var arenaParameters: String
    var constArenaParameters: String
    var arenaArguments: String
    var hasRegions: Bool
    var arenaCount: Int
    var arenas: [ArenaView]
    /// Inputs read through `<prefix>_read_input` (`--input-streaming`).
    var streamedInputs: [StreamedInputView]
    /// The state buffer and `<prefix>_reset` (none for models without variable tensors).
    var state: [StateView]
}

/// A parameter block declaration in `model.c.mustache`.
struct DeclarationView {
    var type: String
    var name: String
}

/// One schedule step in `model.c.mustache`.
struct StepView {
    var step: Int
    var node: Int
    var opName: String
    var kernelName: String
    var detail: String?
    var statements: [String]
}

/// `model.c.mustache`.
struct SourceView {
    var version: String
    var prefix: String
    /// Stem of the model's file names (`CName.fileStem`).
    var fileStem: String
    var modelComment: String
    var kernelHeaders: [String]
    var tableDeclarations: [DeclarationView]
    var parameterDeclarations: [DeclarationView]
    var parameters: String
    /// Copies into the arena (or `(void)` uses) before the steps: in `_invoke` around `_run`
    /// when `inArena`, else at the start of `_invoke`.
    var prologue: [String]
    /// The patch stage's loop (zero or one), before `steps`.
    var patchLoops: [PatchLoopView]
    var steps: [StepView]
    var epilogue: [String]
    var inArena: Bool
    var inputAccessors: [AccessorView]
    var outputAccessors: [AccessorView]
    var arenaParameters: String
    var constArenaParameters: String
    /// `arena, arena1`, and `int8_t *const a1 = (int8_t *)arena1;` ... with their `(void)` uses.
    var arenaArguments: String
    var arenaDeclarations: [String]
    /// `(void)arena;` ... for the accessors, which may not use every array.
    var arenaVoids: [String]
    /// The state buffer and `<prefix>_reset` (none for models without variable tensors).
    var state: [StateView]
}

/// One constant array in `model_weights.c.mustache`.
struct TableView {
    var comment: String
    var isStatic: Bool
    var ctype: String
    var name: String
    var count: Int
    var alignment: Int
    var body: String
}

/// One parameter block in `model_weights.c.mustache`.
struct BlockView {
    var step: Int
    var node: Int
    var opName: String
    var type: String
    var name: String
    var fields: [ParameterField]
}

/// `model_weights.c.mustache`.
struct WeightsView {
    var version: String
    /// Stem of the model's file names (`CName.fileStem`).
    var fileStem: String
    var modelComment: String
    var kernelHeaders: [String]
    var tables: [TableView]
    var parameterBlocks: [BlockView]
    /// The linker section of the constant tables (`--weights-section`), zero or one name.
    var weightsSections: [String]
}

/// `CMakeLists.txt.mustache` and `Makefile.mustache`.
struct BuildView {
    var version: String
    var prefix: String
    var sources: [String]
    /// The default `-mcpu` of cross builds: the target's core.
    var cpu: String
}

/// `arm-none-eabi.cmake.mustache`: the CMake toolchain file for a Cortex-M core.
struct ToolchainView {
    var version: String
    /// The default `-mcpu`: the target's core.
    var cpu: String
}

/// `README.txt.mustache`.
struct ReadmeView {
    var version: String
    var prefix: String
    /// Stem of the model's file names (`CName.fileStem`).
    var fileStem: String
    var underline: String
    var modelComment: String
    var targetComment: String
    var parameters: String
    var macroPrefix: String
    var tensors: [IOView]
    var arenaBytes: Int
    var loweredNote: String
    var inArena: Bool
    /// SRAM the firmware needs: with the in-arena accessors (or `--external-io`), and with its
    /// own buffers passed to `_invoke`.
    var sramBytes: Int
    var sramWithBuffersBytes: Int
    var ioBufferBytes: Int
    var constantBytes: Int
    var codeBytes: Int
    var sources: [String]
    var hasRegions: Bool
    var arenas: [ArenaView]
    var arenaArguments: String
    /// The default `-mcpu` of cross builds.
    var cpu: String
    /// The state buffer (its bytes are part of `sramBytes`).
    var state: [StateView]
}

/// One trace point in `harness_model.c.mustache`.
struct TracePointView {
    var step: Int
    var offset: Int
    var bytes: Int
    var tensor: Int
}

/// `harness_model.c.mustache`.
struct HarnessView {
    var version: String
    var prefix: String
    /// Stem of the model's file names (`CName.fileStem`).
    var fileStem: String
    var macroPrefix: String
    var inputCount: Int
    var inputBytes: String
    var outputCount: Int
    var outputBytes: String
    var traceCount: Int
    var tracePoints: [TracePointView]
    var arguments: String
    /// Zero-copy I/O: the harness copies its records to `_input` and from `_output` around `_run`.
    var inArena: Bool
    var inputCopies: [String]
    var outputCopies: [String]
    /// The harness's one block: every region's array at its virtual base.
    var virtualArenaBytes: Int
    var harnessArenaArguments: String
    /// Inputs the harness supplies through `<prefix>_read_input` from its records.
    var streamedInputs: [StreamedInputView]
    /// The state buffer: the harness calls `<prefix>_reset` before every run.
    var state: [StateView]
}

/// `memory.ld.mustache`: the linker snippet placing the arena arrays and the weights.
struct MemoryLayoutView {
    var version: String
    var fileStem: String
    var modelComment: String
    var targetComment: String
    var arenas: [ArenaView]
    var weights: [WeightsPlacementView]
}

/// The weights' section and the Flash region it goes to.
struct WeightsPlacementView {
    var section: String
    var region: String
}
