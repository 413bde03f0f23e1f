/// A half-open range `[start, end)` of rows or columns of a tensor.
public struct Span: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// `end - start`, never negative.
    public var count: Int { max(0, end - start) }
    public var isEmpty: Bool { end <= start }

    /// The smallest span covering both (an empty span covers nothing).
    public func union(_ other: Span) -> Span {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return Span(min(start, other.start), max(end, other.end))
    }

    /// True when every index of `other` is in this span.
    public func contains(_ other: Span) -> Bool { other.isEmpty || (start <= other.start && other.end <= end) }

    /// `3..<7`.
    public var description: String { "\(start)..<\(end)" }
}

/// A rectangle of an NHWC tensor's spatial plane (every batch and channel): rows by columns.
public struct Region: Sendable, Hashable, CustomStringConvertible {
    public var rows: Span
    public var cols: Span

    public init(rows: Span, cols: Span) {
        self.rows = rows
        self.cols = cols
    }

    /// The whole `height` x `width` plane.
    public static func whole(height: Int, width: Int) -> Region { Region(rows: Span(0, height), cols: Span(0, width)) }

    /// Pixels covered.
    public var area: Int { rows.count * cols.count }
    public var isEmpty: Bool { rows.isEmpty || cols.isEmpty }

    /// The bounding box of both.
    public func union(_ other: Region) -> Region {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return Region(rows: rows.union(other.rows), cols: cols.union(other.cols))
    }

    /// True when `other` lies inside this region.
    public func contains(_ other: Region) -> Bool { other.isEmpty || (rows.contains(other.rows) && cols.contains(other.cols)) }

    /// `rows 0..<14 cols 0..<14`.
    public var description: String { "rows \(rows) cols \(cols)" }
}
