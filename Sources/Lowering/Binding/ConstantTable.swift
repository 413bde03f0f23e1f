import IR

/// A constant array a call reads from Flash: weights in the order its kernel reads them, biases,
/// requantization multipliers and shifts, index tables, or a constant tensor read as data.
/// `CodeGen` emits exactly these (one array per distinct `id`), and `FlashEstimate` counts them.
public struct ConstantTable: Sendable, Hashable {
    /// Identifies a table across calls: a constant tensor read as data is emitted once however
    /// many calls read it.
    public enum ID: Sendable, Hashable, CustomStringConvertible {
        /// A constant tensor's bytes as the model stores them.
        case tensor(TensorID)
        /// A table derived for one call: `role` names it (`filter`, `bias`, `mult`, `source_rows`).
        case call(NodeID, role: String)
        /// A table of a patch stage's loop that the invoke function reads itself (a call's patch
        /// geometry, a streamed input's regions): `role` names it (`patch_rows`, `read_cols`).
        case patch(NodeID, role: String)

        /// `t5`, `op3_bias`.
        public var description: String {
            switch self {
            case .tensor(let t): "\(t)"
            case .call(let node, let role), .patch(let node, let role): "\(node)_\(role)"
            }
        }
    }

    /// What a table holds, for reports and the emitted comment.
    public enum Kind: Sendable, Hashable {
        /// The weights of tensor `source`, in the order the kernel reads them.
        case weights(source: TensorID)
        /// The DSP GEMM's packed words of weights tensor `source` (`mcuc_gemm_dsp_params`): per
        /// channel pair, 2 bias words, `2 * groups` weight words and 6 requantization words.
        case packedGemm(source: TensorID, pairs: Int, groups: Int)
        /// The DSP depthwise kernel's words (`mcuc_depthwise_dsp_params`): per channel, 1 bias
        /// word and 3 requantization words; then `weightWords` words of weights (the blocks of four
        /// channels `mcuc_depthwise_s8_dsp` reads, 0 for the other kernels).
        case packedDepthwise(channels: Int, weightWords: Int)
        /// The padded-plane in-place DSP depthwise kernels' words (`mcuc_depthwise3x3_dsp_params`,
        /// `mcuc_depthwise_kxk_dsp_params`): per channel, `weightWords` weight words, 1 bias word and
        /// 3 requantization words.
        case packedDepthwisePadded(channels: Int, weightWords: Int)
        /// One int32 bias per output channel; `folded`: the input zero point is folded in.
        case bias(folded: Bool)
        /// Q31 requantization multipliers (one per output channel, or one shared).
        case multipliers
        /// Requantization shifts, paired with `multipliers`.
        case shifts
        /// An index or size table of a data-movement kernel, described in fixed words.
        case indices(String)
        /// A constant tensor read as data (a constant operand of an element-wise op, say).
        case tensor
    }

    /// The elements, typed.
    public enum Values: Sendable, Hashable {
        case int8([Int8])
        /// int16 data (a constant int16 tensor read by a 16-bit-activation kernel).
        case int16([Int16])
        /// int64 values (the biases of the int16x8 kernels).
        case int64([Int64])
        case int32([Int32])
        /// Raw little-endian bytes (float32 constants, kept bit-exact).
        case bytes([UInt8])
    }

    public var id: ID
    public var kind: Kind
    public var values: Values

    public init(id: ID, kind: Kind, values: Values) {
        self.id = id
        self.kind = kind
        self.values = values
    }

    /// Number of elements.
    public var count: Int {
        switch values {
        case .int8(let v): v.count
        case .int16(let v): v.count
        case .int64(let v): v.count
        case .int32(let v): v.count
        case .bytes(let v): v.count
        }
    }

    /// Bytes the table occupies in Flash.
    public var byteCount: Int {
        switch values {
        case .int8, .bytes: count
        case .int16: 2 * count
        case .int64: 8 * count
        case .int32: 4 * count
        }
    }

    /// A reference to this table for a parameter-struct field.
    public var ref: TableRef {
        let element: TableRef.Element
        switch values {
        case .int8: element = .int8
        case .int16: element = .int16
        case .int64: element = .int64
        case .int32: element = .int32
        case .bytes: element = .uint8
        }
        return TableRef(table: id, element: element)
    }

    /// The table of constant tensor `id` read as data: int8 or int16 elements, or raw bytes otherwise.
    public static func tensor(_ id: TensorID, in graph: Graph) -> ConstantTable {
        let tensor = graph[id]
        let bytes = tensor.data ?? []
        let values: Values
        switch tensor.type {
        case .int8: values = .int8(bytes.map { Int8(bitPattern: $0) })
        case .int16: values = .int16(TensorValue(constant: tensor)?.int16Values ?? [])
        default: values = .bytes(bytes)
        }
        return ConstantTable(id: .tensor(id), kind: .tensor, values: values)
    }
}
