/// An axis-aligned rectangle in chart coordinates (y grows downwards, as in SVG).
struct ChartRect: Sendable, Equatable {
    var x, y, width, height: Double

    var area: Double { width * height }

    /// True when the two share more than a hairline (touching edges do not count).
    func overlaps(_ other: ChartRect) -> Bool {
        let slack = 0.5
        return x + slack < other.x + other.width && other.x + slack < x + width
            && y + slack < other.y + other.height && other.y + slack < y + height
    }

    /// The largest full-width band or full-height column of `self` that none of `others`
    /// overlaps (`self` when none does; an empty rectangle when every band is covered).
    func largestFreePart(avoiding others: [ChartRect]) -> ChartRect {
        let hits = others.filter { overlaps($0) }
        guard !hits.isEmpty else { return self }
        let bands = Self.gaps(y, y + height, hits.map { ($0.y, $0.y + $0.height) }).map {
            ChartRect(x: x, y: $0.0, width: width, height: $0.1 - $0.0)
        }
        let columns = Self.gaps(x, x + width, hits.map { ($0.x, $0.x + $0.width) }).map {
            ChartRect(x: $0.0, y: y, width: $0.1 - $0.0, height: height)
        }
        return (bands + columns).max { $0.area < $1.area } ?? ChartRect(x: x, y: y, width: 0, height: 0)
    }

    /// The parts of `[low, high)` that no interval covers.
    static func gaps(_ low: Double, _ high: Double, _ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        var cursor = low
        for (a, b) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if a > cursor { result.append((cursor, min(a, high))) }
            cursor = max(cursor, b)
            if cursor >= high { break }
        }
        if cursor < high { result.append((cursor, high)) }
        return result.filter { $0.1 - $0.0 > 0.5 }
    }
}
