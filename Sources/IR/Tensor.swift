/// A tensor of a `Graph`: an activation (written by an op or given as graph input) or a
/// constant (weights, biases, shape operands) with its bytes.
public struct Tensor: Sendable, Hashable {
    public var id: TensorID
    /// The name from the model. Never emitted raw into C (CodeGen sanitizes it).
    public var name: String
    public var type: DataType
    public var shape: Shape
    public var quant: QuantParams?
    /// Little-endian element bytes for constants; nil for activations.
    public var data: [UInt8]?
    /// TFLite variable tensor (state kept across invocations, e.g. LSTM cell state).
    public var isVariable: Bool
    /// A constant the model stores as TFLite `INT4`: two values per byte, low nibble first. `type`
    /// is `int8` and `data` holds the values unpacked (one sign-extended byte each); Lowering keeps
    /// them packed in Flash (`ConstantTable.Values.int4`) for kernels that unpack them.
    public var packedInt4: Bool

    public init(id: TensorID, name: String, type: DataType, shape: Shape, quant: QuantParams? = nil,
                data: [UInt8]? = nil, isVariable: Bool = false, packedInt4: Bool = false) {
        self.id = id
        self.name = name
        self.type = type
        self.shape = shape
        self.quant = quant
        self.data = data
        self.isVariable = isVariable
        self.packedInt4 = packedInt4
    }

    /// True when the tensor holds constant data.
    public var isConstant: Bool { data != nil }

    /// Bytes of the tensor's elements (`elementCount * byteSize`), or nil for types without a size.
    public var byteCount: Int? {
        guard let size = type.byteSize, let count = shape.checkedElementCount else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        return overflow ? nil : bytes
    }
}
