import IR

extension SourceAssembly {
    /// The zero-copy accessors, unless the graph's inputs and outputs are caller-owned.
    var inArenaIO: InArenaIO? {
        InArenaIO(interface, externalIO: memory.externalIO) { TableNaming(graph: graph, prefix: prefix).name(.tensor($0)) }
    }

    /// The accessor cases and offset macros of the header and source (empty with `--external-io`).
    var accessorViews: (inputs: [AccessorView], outputs: [AccessorView]) {
        inArenaIO?.views(macroPrefix: macroPrefix) ?? ([], [])
    }

    /// The host harness's copies around `_run` (empty with `--external-io`).
    var harnessCopies: (inputs: [String], outputs: [String]) {
        inArenaIO?.harnessCopies(interface, prefix: prefix) ?? ([], [])
    }
}
