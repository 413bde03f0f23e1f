/// The runtime kernel files of `Templates/kernels/`: one header and one source per family. A model
/// gets the families its calls use, plus the shared headers.
enum RuntimeKernel: String, CaseIterable, Sendable, Hashable, Comparable {
    case conv2d = "mcuc_conv2d"
    case depthwise = "mcuc_depthwise"
    case fullyConnected = "mcuc_fully_connected"
    case elementwise = "mcuc_elementwise"
    case pool = "mcuc_pool"
    case mean = "mcuc_mean"
    case softmax = "mcuc_softmax"
    case activations = "mcuc_activations"
    case quantize = "mcuc_quantize"
    case resize = "mcuc_resize"
    case transpose = "mcuc_transpose"
    case stridedSlice = "mcuc_strided_slice"
    case pad = "mcuc_pad"
    case concat = "mcuc_concat"

    /// Headers every model gets (the fixed-point helpers are header-only).
    static let sharedHeaders = ["mcuc_common.h", "mcuc_fixedpoint.h", "mcuc_gemmlowp.h"]

    var header: String { rawValue + ".h" }
    var source: String { rawValue + ".c" }

    static func < (lhs: RuntimeKernel, rhs: RuntimeKernel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One field of a parameter block: `.name = value`.
struct ParameterField: Sendable, Hashable {
    var field: String
    var value: String
}

/// The `const` parameter struct of one kernel call, defined in the weights file.
struct ParameterBlock: Sendable, Hashable {
    /// The struct type (`mcuc_conv2d_params`).
    var type: String
    /// The external name (`<prefix>_op3`).
    var name: String
    var fields: [ParameterField] = []

    mutating func set(_ field: String, _ value: Int) { fields.append(ParameterField(field: field, value: String(value))) }
    mutating func set(_ field: String, _ value: Int32) {
        fields.append(ParameterField(field: field, value: CWriter.int32Literal(value)))
    }
    mutating func set(_ field: String, literal: String) { fields.append(ParameterField(field: field, value: literal)) }
    /// A fixed-size `int32_t [MCUC_MAX_RANK]` field.
    mutating func set(_ field: String, array: [Int]) {
        fields.append(ParameterField(field: field, value: CWriter.arrayLiteral(array, size: CodeGen.maxRank)))
    }
}

/// What one kernel call contributes to the emitted files.
struct EmittedCall: Sendable {
    /// Statements of the step inside `<prefix>_invoke` (each one line of C).
    var statements: [String] = []
    /// Extra words for the step's comment (`conv 3x3 s1x1 d1x1 pad 0,0,1,1`).
    var detail: String = ""
    var parameters: ParameterBlock?
    var tables: [CTable] = []
    var kernels: Set<RuntimeKernel> = []
}
