import IR

/// One emitted file: its name (no folders) and text.
public struct GeneratedFile: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// A graph input or output as the emitted `<prefix>_invoke` takes it.
public struct InterfaceTensor: Sendable, Hashable {
    public var tensor: TensorID
    public var type: DataType
    public var shape: Shape
    public var bytes: Int
}

/// An activation the debug build copies out of the arena right after the step that wrote it.
public struct TracePoint: Sendable, Hashable {
    public var step: Int
    public var node: NodeID
    public var tensor: TensorID
    public var type: DataType
    public var shape: Shape
    public var offset: Int
    public var bytes: Int
}

/// What `CodeGen.generate` produced: the files of the C library, the host harness files the
/// simulator adds, and the facts about them the simulator and reports need.
///
/// Invariant: `files` and `harnessFiles` are sorted by name and have distinct names; the same
/// inputs give byte-identical files.
public struct GeneratedSources: Sendable {
    public var prefix: String
    /// The library: `<fileStem>.h`, `<fileStem>.c`, `<fileStem>_weights.c`, the runtime kernels it uses,
    /// `CMakeLists.txt`, `Makefile`, `README.txt`.
    public var files: [GeneratedFile]
    /// Host-only harness (`mcuc_harness.c`, `mcuc_harness.h`, `mcuc_harness_model.c`).
    public var harnessFiles: [GeneratedFile]
    /// The `.c` files of the library, in build order.
    public var librarySources: [String]
    public var arenaBytes: Int
    public var inputs: [InterfaceTensor]
    public var outputs: [InterfaceTensor]
    /// Every arena activation, in step order (the harness dumps them in this order).
    public var tracePoints: [TracePoint]
    /// Bytes of constant tables (weights, biases, multipliers, lookup tables) in the weights file.
    public var constantBytes: Int

    /// The stem of the model's files (`CName.fileStem`): `<fileStem>.h`, `<fileStem>.c`,
    /// `<fileStem>_weights.c`.
    public var fileStem: String { CName.fileStem(prefix) }

    /// The file named `name`, if emitted.
    public func file(_ name: String) -> GeneratedFile? {
        (files + harnessFiles).first { $0.name == name }
    }
}
