/// The constants of one STRIDED_SLICE: which input elements it reads, per axis, with TFLM's index rules
/// (`strided_slice_logic.h`: `StridedSliceStartForAxis` / `StridedSliceEndForAxis`, used by the
/// reference kernel, and `StartForAxis` / `StopForAxis`, used by Prepare's output-shape check).
///
/// TFLM's micro kernel forces `ellipsis_mask` and `new_axis_mask` to 0 and never sets `offset`,
/// so those options are rejected by `StridedSlice.check` rather than interpreted here.
public struct StridedSlicePlan: Sendable, Hashable {
    /// One input axis: the indices `start, start + stride, ...` (`count` of them).
    public struct Axis: Sendable, Hashable {
        /// The first index (TFLM's clamped, mask-adjusted start).
        public var start: Int
        /// The step between indices (non-zero, may be negative).
        public var stride: Int
        /// Elements the reference kernel visits along this axis.
        public var count: Int
        /// Elements Prepare expects along this axis (differs from `count` only for shrunk axes
        /// whose start is out of range or whose stride is negative: TFLM then writes nothing).
        public var preparedCount: Int
        /// `shrink_axis_mask` drops this axis from the output shape.
        public var shrink: Bool
    }

    /// One entry per input axis, outermost first.
    public let axes: [Axis]

    /// The output dimensions TFLM's Prepare requires (shrunk axes removed).
    public var outputDims: [Int] { axes.filter { !$0.shrink }.map(\.preparedCount) }

    /// Plans a slice of `inputDims`; `begin`, `end` and `strides` have one entry per axis and
    /// every stride is non-zero (preconditions, checked by `StridedSlice.check`).
    public init(inputDims: [Int], begin: [Int32], end: [Int32], strides: [Int32],
                beginMask: Int32, endMask: Int32, shrinkAxisMask: Int32) {
        precondition(begin.count == inputDims.count && end.count == inputDims.count
                     && strides.count == inputDims.count, "one begin/end/stride per axis")
        axes = inputDims.indices.map { i in
            let bit = Int32(1) << Int32(i)
            return Self.axis(size: inputDims[i], begin: Int(begin[i]), end: Int(end[i]), stride: Int(strides[i]),
                             beginMasked: beginMask & bit != 0, endMasked: endMask & bit != 0,
                             shrink: shrinkAxisMask & bit != 0)
        }
    }

    static func axis(size: Int, begin: Int, end: Int, stride: Int,
                     beginMasked: Bool, endMasked: Bool, shrink: Bool) -> Axis {
        precondition(stride != 0, "stride must be non-zero")
        func clamp(_ v: Int) -> Int { stride > 0 ? min(max(v, 0), size) : min(max(v, -1), size - 1) }
        var start = clamp(begin < 0 ? begin + size : begin)
        if beginMasked { start = stride > 0 ? 0 : size - 1 }
        var stop = clamp(end < 0 ? end + size : end)
        if endMasked { stop = stride > 0 ? size : -1 }
        let preparedStop = shrink ? start + 1 : stop
        if shrink { stop = start >= size ? start : start + 1 }
        return Axis(start: start, stride: stride, count: count(from: start, to: stop, stride: stride),
                    preparedCount: count(from: start, to: preparedStop, stride: stride), shrink: shrink)
    }

    /// `max(0, ceil((stop - start) / stride))`: the indices `start + k * stride` before `stop`.
    static func count(from start: Int, to stop: Int, stride: Int) -> Int {
        let span = stop - start
        guard span != 0, (span > 0) == (stride > 0) else { return 0 }
        let magnitude = abs(stride)
        return (abs(span) + magnitude - 1) / magnitude
    }

    /// The first axis where TFLM's kernel would write nothing for a shrunk axis (leaving the
    /// output uninitialized), or nil.
    public var firstUnwrittenShrinkAxis: Int? {
        axes.firstIndex { $0.shrink && $0.count != 1 }
    }

    /// The first axis where TFLM's int32 index arithmetic (`index += stride` after the last
    /// element) would overflow, or nil.
    public var firstOverflowingAxis: Int? {
        axes.firstIndex { a in
            let last = Int64(a.start) + Int64(a.count) * Int64(a.stride)
            return last > Int64(Int32.max) || last < Int64(Int32.min)
        }
    }
}
