/// NumPy broadcasting as element strides: how far a (smaller) input moves when one output index
/// steps. Shapes are aligned at the right; an input dimension of 1 (or a missing leading one)
/// that the output repeats gets stride 0. The reference kernels and the code generator read
/// broadcast operands through these strides.
public enum BroadcastStrides {
    /// Row-major element strides of `input` read as `output`, one per output dimension: 0 along
    /// dimensions of size 1 that the output repeats. Precondition: the shapes broadcast
    /// (`input.rank <= output.rank`, each input dimension equals the output's or is 1; checked by
    /// the op checks).
    public static func of(_ input: Shape, into output: Shape) -> [Int] {
        let rank = output.rank
        precondition(input.rank <= rank, "input rank exceeds output rank")
        let padded = [Int](repeating: 1, count: rank - input.rank) + input.dims
        var strides = [Int](repeating: 0, count: rank)
        var running = 1
        for d in (0..<rank).reversed() {
            precondition(padded[d] == output.dims[d] || padded[d] == 1, "shapes \(input) and \(output) do not broadcast")
            strides[d] = padded[d] == 1 && output.dims[d] != 1 ? 0 : running
            running *= padded[d]
        }
        return strides
    }
}
