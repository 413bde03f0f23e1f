import MemoryPlanning

/// The caller-owned arena arrays of a model, one per memory region of its plan: their names,
/// sizes, regions and linker sections, and the C that passes them around. A plan made without
/// regions has one unnamed array, `arena`, and no sections.
struct ArenaLayout {
    let locations: TensorLocations
    let prefix: String
    let macroPrefix: String

    /// True when the plan names memory regions (the header gives sections, a linker snippet is emitted).
    var hasRegions: Bool { locations.regions.contains { $0.name != nil } }

    /// One view per array, in region order.
    var arrays: [ArenaView] {
        locations.regions.enumerated().map { r, region in
            ArenaView(macro: r == 0 ? "\(macroPrefix)_ARENA" : "\(macroPrefix)_ARENA\(r)", name: TensorLocations.arenaName(r),
                      first: r == 0, bytes: region.bytes, region: region.name ?? "",
                      section: region.name.map { ".\(prefix)_arena_\($0)" } ?? "")
        }
    }

    /// `arena, arena + 4112`: the harness's one block carved into the regions' arrays at their
    /// virtual bases (so trace offsets and the touched-bytes measure stay virtual offsets).
    var harnessArguments: String {
        locations.regions.map { $0.base == 0 ? "arena" : "arena + \($0.base)" }.joined(separator: ", ")
    }
}

/// One arena array in the header, README and linker snippet.
struct ArenaView {
    /// `NET_ARENA`, `NET_ARENA1`: the prefix of its macros.
    var macro: String
    /// `arena`, `arena1`: its parameter name.
    var name: String
    /// True for the first (its size macro is `<PREFIX>_ARENA_SIZE`, written apart).
    var first: Bool
    var bytes: Int
    /// The memory region and the linker section it belongs in (empty without regions).
    var region: String
    var section: String
}
