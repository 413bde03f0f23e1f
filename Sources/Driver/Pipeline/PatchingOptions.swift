/// The schedule and kernel choices every planning command shares (`--patch`, `--input-streaming`,
/// `--max-mac-overhead`, `--prefer`).
public struct PatchingOptions: Sendable, Hashable {
    public var patch: PatchChoice
    public var inputStreaming: Bool
    /// A fraction: 0.2 = 20% more MACs than layer-based.
    public var maxMACOverhead: Double
    /// Fast kernel variants against their SRAM.
    public var prefer: KernelPreference

    public init(patch: PatchChoice = .none, inputStreaming: Bool = false, maxMACOverhead: Double = 0.2,
                prefer: KernelPreference = .balanced) {
        self.patch = patch
        self.inputStreaming = inputStreaming
        self.maxMACOverhead = maxMACOverhead
        self.prefer = prefer
    }

    /// Parses `--max-mac-overhead`: a percentage, `20` or `20%` (0 to 1000), as a fraction.
    public static func overhead(_ text: String) -> Double? {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value >= 0, value <= 1000 else { return nil }
        return value / 100
    }
}

extension PipelineOptions {
    /// `self` with the patch and kernel options set (and the SRAM budget `--patch fit` aims for).
    public func with(_ patching: PatchingOptions, sramBudget: Int? = nil) -> PipelineOptions {
        var copy = self
        copy.patch = patching.patch
        copy.inputStreaming = patching.inputStreaming
        copy.maxMACOverhead = patching.maxMACOverhead
        copy.prefer = patching.prefer
        copy.sramBudget = sramBudget ?? copy.sramBudget
        return copy
    }
}
