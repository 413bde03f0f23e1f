/// `sram_bytes` in the plan, fit and simulate JSON: what the model needs in SRAM.
public struct SRAMBytes: Sendable, Encodable, Equatable {
    public var arena: Int
    /// `.data` and `.bss` outside the arena.
    public var `static`: Int
    /// The model's state (variable tensors kept between invokes), part of `static`.
    public var state: Int
    /// The deepest stack of `<prefix>_invoke`: from the ELF's call graph when `exact`, else the estimate.
    public var stack: Int
    /// The application's input and output buffers with `--external-io` (0 in zero-copy mode).
    public var io_buffers: Int
    public var total: Int
    /// True when read from the ELF of the model built for the target's core.
    public var exact: Bool
    /// The deepest call chain, outermost first (when exact).
    public var stack_path: [String]?

    public init(_ memory: ModelMemory) {
        arena = memory.arenaBytes
        `static` = memory.staticBytes
        state = memory.stateBytes
        stack = memory.stackBytes
        io_buffers = memory.callerBufferBytes
        total = memory.sramBytes
        exact = memory.exact
        stack_path = memory.stackPath
    }
}
