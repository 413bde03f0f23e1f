/// `--prefer` in `plan --json`: what was chosen and the peak SRAM each preference leads to.
public struct KernelChoiceReport: Codable, Sendable, Equatable {
    /// `memory`, `speed` or `balanced`.
    public var prefer: String
    public var peak_sram_bytes: Int
    /// Peak SRAM with every fast variant (`speed`) and with none that raises it (`memory`).
    public var speed_peak_sram_bytes: Int
    public var memory_peak_sram_bytes: Int
    /// Calls that run a DSP or Helium variant, and the op indices kept on portable kernels.
    public var variant_calls: Int
    public var portable_ops: [Int]

    public init(_ choice: KernelChoice) {
        prefer = choice.preference.rawValue
        peak_sram_bytes = choice.chosenPeakBytes
        speed_peak_sram_bytes = choice.speedPeakBytes
        memory_peak_sram_bytes = choice.memoryPeakBytes
        variant_calls = choice.variantCalls
        portable_ops = choice.portableNodes.sorted().map(\.index)
    }
}
