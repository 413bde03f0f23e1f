/// A tensor shape (NHWC for 4-D activations). Dimensions are non-negative.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The dimensions, outermost first.
    public var dims: [Int]

    /// Creates a shape; every dimension must be >= 0.
    public init(_ dims: [Int]) {
        precondition(dims.allSatisfy { $0 >= 0 }, "negative dimension")
        self.dims = dims
    }

    /// Number of dimensions.
    public var rank: Int { dims.count }

    /// Number of elements (1 for a scalar), or nil if the product overflows `Int`.
    public var checkedElementCount: Int? {
        var count = 1
        for d in dims {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Number of elements. Graphs are verified not to overflow, so this is a precondition.
    public var elementCount: Int {
        guard let count = checkedElementCount else { preconditionFailure("element count overflows") }
        return count
    }

    /// Row-major element strides, one per dimension: the innermost is 1, each outer one the
    /// product of the dimensions inside it (`[]` for a scalar).
    public var rowMajorStrides: [Int] {
        var strides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * dims[d + 1] }
        return strides
    }

    /// Dimension `i`; negative `i` counts from the end.
    public subscript(i: Int) -> Int { dims[i < 0 ? rank + i : i] }

    /// `[1, 96, 96, 3]`.
    public var description: String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }
}
