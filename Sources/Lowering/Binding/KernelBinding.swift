import IR

/// The C call of one step, decided in full: the function, its typed parameter struct, the
/// constant tables the call reads, and the arguments after the parameter struct. `CodeGen`
/// renders it and decides nothing.
public struct KernelBinding: Sendable, Hashable {
    /// What the call runs.
    public enum Callee: Sendable, Hashable {
        /// A runtime kernel, called as `symbol(&params, arguments...)`.
        case kernel(KernelFunction)
        /// `memcpy(arguments[0], arguments[1], bytes)`: a plain copy (no params, no runtime file).
        case copy(bytes: Int)
    }

    /// One argument after the parameter struct.
    public enum Argument: Sendable, Hashable {
        /// A pointer to a tensor's first element (in the arena, the caller's buffer or Flash).
        case tensor(TensorID)
        /// An array of pointers to several tensors' first elements, in order.
        case tensors([TensorID])
        /// An array of writable pointers to several output tensors' first elements, in order.
        case outputs([TensorID])
        /// A pointer to the call's planned scratch bytes.
        case scratch
        /// In a patch stage's loop body: the current grid row's entry of a patch table (`table`
        /// holds `entry` int32 per grid row; see `PatchGeometry`).
        case patchRows(ConstantTable.ID, entry: Int)
        /// The current grid column's entry of a patch table.
        case patchCols(ConstantTable.ID, entry: Int)
    }

    public var callee: Callee
    /// The parameter struct (nil for a copy).
    public var params: (any KernelParams)?
    public var arguments: [Argument]
    /// Every constant table the call reads, those its params point at included.
    public var tables: [ConstantTable]

    public init(callee: Callee, params: (any KernelParams)?, arguments: [Argument], tables: [ConstantTable]) {
        self.callee = callee
        self.params = params
        self.arguments = arguments
        self.tables = tables
    }

    /// The runtime kernel this call runs, if any.
    public var function: KernelFunction? {
        if case .kernel(let f) = callee { return f }
        return nil
    }

    public static func == (a: KernelBinding, b: KernelBinding) -> Bool {
        a.callee == b.callee && a.arguments == b.arguments && a.tables == b.tables
            && a.params.map { AnyHashable($0) } == b.params.map { AnyHashable($0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(callee)
        hasher.combine(arguments)
        hasher.combine(params.map { AnyHashable($0) })
    }
}
