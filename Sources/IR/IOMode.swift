/// How the emitted code exchanges graph inputs and outputs with the application.
public enum IOMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// As the model declares them (a float input stays float and is held as float).
    case model
    /// int8 at the boundary: a graph-boundary QUANTIZE (float32 -> int8) or DEQUANTIZE
    /// (int8 -> float32) is removed, so the application passes the quantized tensor directly.
    case int8

    /// The `--io` spelling.
    public var description: String { rawValue }
}
