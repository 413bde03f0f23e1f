/// One memory bank of a device (a target file's `regions`): named as the application's linker
/// script names it, with its size, optional base address and how fast the core reaches it.
///
/// Invariants (checked where targets are loaded): the name is a C identifier, sizes are positive
/// and the reserve is smaller than the size.
public struct MemoryRegion: Sendable, Hashable {
    /// RAM holds activations; Flash holds code and constants.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case ram, flash
    }

    /// The linker script's region name (`DTCMRAM`, `RAM_D1`).
    public var name: String
    public var kind: Kind
    public var bytes: Int
    /// The first address, when known (for the linker snippet and people).
    public var base: Int?
    /// 0 is the fastest; lower ranks get the most-used buffers first.
    public var speedRank: Int
    /// Bytes the application keeps in this region (stack, heap, its own data).
    public var reserveBytes: Int

    public init(name: String, kind: Kind, bytes: Int, base: Int? = nil, speedRank: Int = 0, reserveBytes: Int = 0) {
        self.name = name
        self.kind = kind
        self.bytes = bytes
        self.base = base
        self.speedRank = speedRank
        self.reserveBytes = reserveBytes
    }

    /// Bytes a model may use here.
    public var budget: Int { bytes - reserveBytes }
}

extension Target {
    /// The RAM regions, fastest first (ties: in file order).
    public var ramRegions: [MemoryRegion] { Self.bySpeed(regions.filter { $0.kind == .ram }) }

    /// The Flash regions, fastest first (ties: in file order).
    public var flashRegions: [MemoryRegion] { Self.bySpeed(regions.filter { $0.kind == .flash }) }

    static func bySpeed(_ regions: [MemoryRegion]) -> [MemoryRegion] {
        regions.enumerated().sorted { ($0.element.speedRank, $0.offset) < ($1.element.speedRank, $1.offset) }.map(\.element)
    }
}
