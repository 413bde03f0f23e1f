import IR

/// How a step's output may share bytes with its inputs: the only overlaps the memory planner may
/// use. Every overlap is one the kernel's documented loop order honours bit-exactly; a contract
/// naming an input is declared only when that input (with every view of its bytes) is read for
/// the last time at this step, is not a graph output, and lives in the arena.
public enum MemoryContract: Sendable, Hashable {
    /// The output gets bytes of its own, disjoint from every live buffer.
    case separate
    /// The output is a view of `input`'s bytes from byte 0 (RESHAPE, SQUEEZE): zero bytes, no code.
    /// Safe because nothing is written; the planner keeps the shared bytes alive until the last
    /// reader of either name.
    case alias(input: TensorID)
    /// The output may overlap `input` provided `offset(input) - offset(output) >= minimumGap`
    /// (or the two are disjoint). `minimumGap` comes from `StreamingGap` for the kernel's loop
    /// order; `order` names which of its proofs applies.
    case streaming(input: TensorID, minimumGap: Int, order: StreamOrder)
    /// The output starts at exactly `input`'s offset and is not longer than it (in-place depthwise).
    /// Safe because output channel `c` only overwrites input bytes of channel `c` (same channel
    /// stride, output pixel index <= input pixel index), which were copied to the scratch first, or
    /// which no later output reads (`DepthwiseInPlacePixelOrder`).
    case inPlace(input: TensorID)
    /// CONCATENATION whose inputs are views of the output: input `i` lives at byte `sliceOffsets[i]`
    /// of the output and its producer writes it there. Requires contiguous slices (every dimension
    /// before the axis is 1). Safe because no byte is written twice and nothing is copied.
    case producerSlices(sliceOffsets: [Int])
    /// PAD not materialized: `consumer` reads the PAD's input through extra window padding.
    /// Safe because the pad value equals the consumer's input zero point, whose taps contribute 0.
    case foldedInto(consumer: NodeID)

    /// The input this contract lets the output overlap, if any (aliases excluded).
    public var overlappedInput: TensorID? {
        switch self {
        case .streaming(let input, _, _), .inPlace(let input): input
        default: nil
        }
    }
}

/// The loop order a streaming overlap was proved for (see `StreamingGap`).
public enum StreamOrder: Sendable, Hashable, CustomStringConvertible {
    /// `StreamingGap.readThenWrite`: each unit read completely, then its output written.
    case readThenWrite
    /// `StreamingGap.interleaved`: an input pixel may be read until its output pixel is complete.
    case interleaved
    /// `StreamingGap.rows`: a sliding window, output rows in increasing order.
    case rows

    public var description: String {
        switch self {
        case .readThenWrite: "read-then-write"
        case .interleaved: "interleaved"
        case .rows: "rows"
        }
    }
}
