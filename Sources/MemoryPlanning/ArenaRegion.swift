/// A memory region the planner may put activations in (from the target's RAM regions).
public struct RegionSpec: Sendable, Hashable {
    /// The region's name (`DTCMRAM`).
    public var name: String
    /// Bytes the model may use in it.
    public var capacity: Int

    public init(name: String, capacity: Int) {
        self.name = name
        self.capacity = capacity
    }
}

/// One part of a plan's arena: the buffers placed in one memory region. Offsets in a plan are
/// offsets in one virtual arena in which region `r` occupies `[base, base + bytes)`; the emitted
/// code gives each region its own caller-owned array (`arena`, `arena1`, ...) and subtracts `base`.
public struct ArenaRegion: Sendable, Hashable {
    /// The memory region's name; nil for a plan made without regions.
    public var name: String?
    /// Where the region starts in the virtual arena (a multiple of `MemoryPlan.regionAlignment`).
    public var base: Int
    /// Bytes of the region's own arena array.
    public var bytes: Int
    /// Bytes the model may use in the region, when known.
    public var capacity: Int?

    public init(name: String?, base: Int, bytes: Int, capacity: Int?) {
        self.name = name
        self.base = base
        self.bytes = bytes
        self.capacity = capacity
    }

    /// True when virtual offset `offset` lies in this region (a region's end belongs to the next).
    public func contains(_ offset: Int) -> Bool { offset >= base && offset < base + max(bytes, 1) }
}

extension MemoryPlan {
    /// Alignment of every region's base in the virtual arena (the arena alignment callers use).
    public static let regionAlignment = 16

    /// The parts of the arena: `regions`, or one unnamed region of the whole arena.
    public var arenaRegions: [ArenaRegion] {
        regions.isEmpty ? [ArenaRegion(name: nil, base: 0, bytes: arenaBytes, capacity: nil)] : regions
    }

    /// Index in `arenaRegions` of the region holding virtual offset `offset`.
    public func regionIndex(of offset: Int) -> Int {
        arenaRegions.lastIndex { $0.base <= offset } ?? 0
    }

    /// SRAM of the arena arrays: the sum of the regions' bytes (no padding between them).
    public var arenaArrayBytes: Int { arenaRegions.reduce(0) { $0 + $1.bytes } }
}
