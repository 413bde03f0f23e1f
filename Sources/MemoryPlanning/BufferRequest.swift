import IR

/// One block of arena bytes the plan must place: a tensor's bytes (shared by every view of them)
/// or a kernel's scratch.
///
/// Invariants: `bytes > 0`, `0 <= firstStep <= lastStep`, `alignment` is a power of two, and
/// `mayShareWith` (if any) names another request that is live at exactly its `step`, which is this
/// request's `firstStep` and the other's `lastStep`.
public struct BufferRequest: Sendable, Hashable {
    /// Index of this request in `MemoryPlan.requests`.
    public var id: Int
    /// The tensor whose bytes these are (the root of any views); nil for scratch.
    public var tensor: TensorID?
    /// The step whose kernel owns this scratch; nil for tensors.
    public var scratchOf: NodeID?
    public var bytes: Int
    /// First and last schedule step (inclusive) at which the bytes must hold data.
    public var firstStep: Int
    public var lastStep: Int
    public var alignment: Int
    /// The one overlap a kernel's contract allows between this buffer (the kernel's output) and
    /// another (the kernel's input).
    public var mayShareWith: SharingRule?

    public init(id: Int, tensor: TensorID?, scratchOf: NodeID? = nil, bytes: Int, firstStep: Int, lastStep: Int,
                alignment: Int, mayShareWith: SharingRule? = nil) {
        precondition(bytes > 0 && firstStep >= 0 && firstStep <= lastStep, "malformed buffer request")
        precondition(alignment > 0 && alignment & (alignment - 1) == 0, "alignment must be a power of two")
        self.id = id
        self.tensor = tensor
        self.scratchOf = scratchOf
        self.bytes = bytes
        self.firstStep = firstStep
        self.lastStep = lastStep
        self.alignment = alignment
        self.mayShareWith = mayShareWith
    }

    /// True when both requests hold data at some common step.
    public func isLive(togetherWith other: BufferRequest) -> Bool {
        firstStep <= other.lastStep && other.firstStep <= lastStep
    }

    /// True when the request holds data at `step`.
    public func isLive(at step: Int) -> Bool { firstStep <= step && step <= lastStep }
}

/// An overlap a kernel allows between its output (the request carrying the rule) and one input.
public struct SharingRule: Sendable, Hashable {
    /// How the two offsets must relate when the buffers overlap.
    public enum Kind: Sendable, Hashable {
        /// `offset(input) - offset(output) >= gap` (a streaming kernel, see `StreamingGap`).
        case gapAtLeast(Int)
        /// `offset(input) == offset(output)` (in-place kernel).
        case sameOffset
    }

    /// The input's request id.
    public var input: Int
    /// The step of the kernel making the promise.
    public var step: Int
    public var kind: Kind

    public init(input: Int, step: Int, kind: Kind) {
        self.input = input
        self.step = step
        self.kind = kind
    }

    /// True when output bytes `[outOffset, +outBytes)` and input bytes `[inOffset, +inBytes)` are
    /// a legal placement under this rule (disjoint placements are always legal).
    public func allows(outOffset: Int, outBytes: Int, inOffset: Int, inBytes: Int) -> Bool {
        if outOffset + outBytes <= inOffset || inOffset + inBytes <= outOffset { return true }
        switch kind {
        case .gapAtLeast(let gap): return inOffset - outOffset >= gap
        case .sameOffset: return inOffset == outOffset
        }
    }

    /// The fewest bytes the two buffers can span together under this rule.
    public func minimumSpan(outBytes: Int, inBytes: Int) -> Int {
        switch kind {
        case .gapAtLeast(let gap): min(outBytes + inBytes, max(outBytes, max(gap, 0) + inBytes))
        case .sameOffset: max(outBytes, inBytes)
        }
    }
}
