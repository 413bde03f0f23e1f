/// What one operator means, in one place: its TFLite name, its operands, the checks that decide
/// whether mcuc can run it, and `prepare`, which derives every constant its kernels use.
///
/// Each supported operator has one conforming type in `Sources/IR/Ops/<Op>.swift` holding its
/// attributes; that value is the payload of the op's `Op` case. `Reference` and `Lowering` call
/// `prepare` and consume its `Params`; nobody re-derives a multiplier, shift or clamp range.
public protocol OperatorDefinition: Sendable, Hashable {
    /// Every constant the op's kernels derive from its attributes and operands (multipliers,
    /// shifts, zero points, clamp ranges, index tables), as TFLM's Prepare computes them.
    associatedtype Params: Sendable, Hashable

    /// The TFLite builtin name (`CONV_2D`).
    static var name: String { get }
    /// What mcuc supports of the op (types, options), for `mcuc operators` and the README table.
    static var support: OperatorSupport { get }
    /// How many input operands the op takes, optional ones included.
    static var inputCounts: ClosedRange<Int> { get }
    /// How many outputs the op has (default: exactly one; SPLIT, SPLIT_V, UNPACK have several).
    static var outputCounts: ClosedRange<Int> { get }
    /// Inputs `0..<requiredInputs` must be present (default: the lower bound of `inputCounts`).
    static var requiredInputs: Int { get }

    /// The element types operand `role` may have (default: int8).
    func allowedTypes(_ role: OperandRole) -> Set<DataType>
    /// True when operand `role` may be a constant stored as TFLite `INT4` (`Tensor.packedInt4`):
    /// only the filters of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, as TFLM.
    func acceptsPackedInt4(_ role: OperandRole) -> Bool
    /// For an int32 operand the op reads as indices at run time (GATHER's coordinates), the
    /// exclusive upper bound of its valid values `0..<bound` (default: nil, not an index operand).
    /// Only such operands may be int32 graph inputs; `simulate` draws their values in range.
    func indexBound(_ role: OperandRole, _ op: OpOperands) -> Int?
    /// The fused activation, for ops that carry one (default: nil).
    var fusedActivation: FusedActivation? { get }
    /// The attributes as ordered `key=value` pairs (`stride=2x2`) for the text form and
    /// `inspect` (default: none). Stable: order and spelling are part of the golden text form.
    var attributeSummary: [(key: String, value: String)] { get }
    /// Multiply-accumulates of one inference (default: 0). Runs on graphs that failed their
    /// checks (`inspect`), so it never traps: missing operands give 0, overflow saturates.
    func macs(_ op: OpOperands) -> Int

    /// Throws the first shape, option or quantization problem (`.malformed` for what the TFLite
    /// format forbids, `.unsupported` for valid models TFLM or mcuc cannot run). Operand counts
    /// and element types were checked before (`SupportCheck`).
    func check(_ op: OpOperands) throws(CompileError)
    /// The op's constants. Precondition: `check` passed.
    func prepare(_ op: OpOperands) -> Params
}

extension OperatorDefinition {
    public static var requiredInputs: Int { inputCounts.lowerBound }
    public static var outputCounts: ClosedRange<Int> { 1...1 }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8] }
    public func acceptsPackedInt4(_ role: OperandRole) -> Bool { false }
    public func indexBound(_ role: OperandRole, _ op: OpOperands) -> Int? { nil }
    public var fusedActivation: FusedActivation? { nil }
    public var attributeSummary: [(key: String, value: String)] { [] }
    public func macs(_ op: OpOperands) -> Int { 0 }
}

/// An operand of a node: input or output `position`.
public enum OperandRole: Sendable, Hashable, CustomStringConvertible {
    case input(Int), output(Int)

    /// `input 2`.
    public var description: String {
        switch self {
        case .input(let i): "input \(i)"
        case .output(let i): "output \(i)"
        }
    }
}

/// The params of ops that derive no constants (RESHAPE, SQUEEZE).
public struct NoParams: Sendable, Hashable {
    public init() {}
}
