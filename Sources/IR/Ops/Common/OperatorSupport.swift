/// What mcuc supports of one operator, in words: the element types it takes and the options and
/// shapes it handles. Each `OperatorDefinition` declares one next to its checks; `mcuc operators`
/// prints them and the README's operator table is generated from them (a test keeps it current).
public struct OperatorSupport: Sendable, Hashable {
    /// Element types of the activations and, after `;`, of index or parameter operands
    /// (`int8; int32 axes`).
    public var types: String
    /// Supported options, shapes and limits (`any kernel, stride, dilation, padding`).
    public var options: String

    public init(types: String, options: String) {
        self.types = types
        self.options = options
    }
}
