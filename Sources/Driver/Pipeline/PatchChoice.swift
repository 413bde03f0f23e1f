/// What `--patch` accepts: `none` (layer by layer), `auto` (the smallest peak within
/// `--max-mac-overhead`), `fit` (the least MAC overhead that fits the target's SRAM budget), or
/// `RxC@K` (an R-by-C grid over the first K operators).
public enum PatchChoice: Sendable, Hashable, CustomStringConvertible {
    case none
    case auto
    case fit
    case grid(rows: Int, cols: Int, ops: Int)

    /// Parses `none`, `auto`, `fit` or `RxC@K` (positive integers), or nil.
    public init?(patchArgument argument: String) {
        switch argument {
        case "none": self = .none
        case "auto": self = .auto
        case "fit": self = .fit
        default:
            let parts = argument.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let grid = parts[0].split(separator: "x", omittingEmptySubsequences: false)
            guard grid.count == 2, let rows = Self.positive(grid[0]), let cols = Self.positive(grid[1]),
                  let ops = Self.positive(parts[1]) else { return nil }
            self = .grid(rows: rows, cols: cols, ops: ops)
        }
    }

    static func positive(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1, value <= 1 << 20 else { return nil }
        return value
    }

    /// The `--patch` spelling.
    public var description: String {
        switch self {
        case .none: "none"
        case .auto: "auto"
        case .fit: "fit"
        case .grid(let rows, let cols, let ops): "\(rows)x\(cols)@\(ops)"
        }
    }
}
