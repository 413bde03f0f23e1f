import IR

extension SourceAssembly {
    /// The zero-copy accessors, unless the graph's inputs and outputs are caller-owned.
    var inArenaIO: InArenaIO? {
        InArenaIO(interface, externalIO: memory.externalIO) { TableNaming(graph: graph, prefix: prefix).name(.tensor($0)) }
    }

    /// The accessor cases and offset macros of the header and source (empty with `--external-io`).
    var accessorViews: (inputs: [AccessorView], outputs: [AccessorView]) {
        inArenaIO?.views(macroPrefix: macroPrefix, locations: interface.locations) ?? ([], [])
    }

    /// The host harness's copies around `_run` (empty with `--external-io`).
    var harnessCopies: (inputs: [String], outputs: [String]) {
        inArenaIO?.harnessCopies(interface, prefix: prefix, arenas: arenaLayout.harnessArguments) ?? ([], [])
    }

    /// The arena arrays, one per memory region.
    var arenaLayout: ArenaLayout {
        ArenaLayout(locations: interface.locations, prefix: prefix, macroPrefix: macroPrefix)
    }

    /// The linker snippet's view, when there is anything to place: arena arrays in named regions,
    /// or weights in a named section (put in the target's fastest Flash region, else `FLASH`).
    func memoryLayout() -> MemoryLayoutView? {
        let arenas = arenaLayout.hasRegions ? arenaLayout.arrays : []
        let flash = options.target?.flashRegions.first?.name ?? "FLASH"
        let weights = options.weightsSection.map { [WeightsPlacementView(section: $0, region: flash)] } ?? []
        guard !arenas.isEmpty || !weights.isEmpty else { return nil }
        return MemoryLayoutView(version: CodeGen.version, fileStem: fileStem, modelComment: modelComment,
                                targetComment: targetComment, arenas: arenas, weights: weights)
    }
}
