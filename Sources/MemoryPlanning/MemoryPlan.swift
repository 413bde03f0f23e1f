import IR

/// Where every buffer lives in the arena, with the bounds it was measured against.
///
/// Invariant (checked by `verify()`): offsets are aligned and inside the arena, and two buffers
/// live at a common step overlap only as the `SharingRule` between them allows.
public struct MemoryPlan: Sendable {
    public var requests: [BufferRequest]
    /// Offset of each request, indexed like `requests`.
    public var offsets: [Int]
    /// Every materialized tensor, by tensor id, with its request.
    public var tensors: [TensorPlacement]
    /// Bytes the arena needs: the highest `offset + bytes`.
    public var arenaBytes: Int
    /// The largest bytes that must be live at one step under the sharing rules.
    public var lowerBound: Int
    /// The largest sum of live activation bytes at one step without any sharing.
    public var livenessBound: Int
    /// Bytes live at each step under the sharing rules (the `steps` of `mcuc plan`).
    public var liveBytesPerStep: [Int]
    /// Static storage the emitted kernels own (outside the arena).
    public var staticBytes: Int
    /// The variable tensors in the model's persistent state buffer (outside the arena; see
    /// `StateLayout`); `stateBytes` is its size.
    public var state: [StatePlacement] = []
    /// True when graph inputs and outputs are caller-owned and not in the arena.
    public var externalIO: Bool
    /// The algorithm whose placement this is.
    public var planner: Planner
    /// Every algorithm that ran, with the arena it reached (in `Planner.allCases` order).
    public var candidates: [(planner: Planner, arenaBytes: Int)]
    /// True when a search proved no smaller arena exists for these requests.
    public var provenOptimal: Bool

    /// The memory regions the arena is split across, fastest first (empty: one arena, no regions
    /// asked for). See `ArenaRegion`.
    public var regions: [ArenaRegion] = []

    /// Bytes of the buffers an application passes to `<prefix>_invoke` for the graph's inputs and
    /// outputs (one per input and per output position, even when two name the same tensor); a
    /// streamed input (`--input-streaming`) has none: the application supplies it region by region.
    public var ioBufferBytes: Int = 0

    /// SRAM the firmware needs in the mode the model is compiled for: the arena plus every static
    /// buffer of the emitted code (the state buffer included), plus, with `externalIO`, the
    /// caller's input and output buffers.
    /// Without `externalIO` the application writes inputs and reads outputs in the arena
    /// (`<prefix>_input` / `<prefix>_output`) and needs no buffer of its own for them.
    public var peakSRAMBytes: Int { arenaArrayBytes + staticBytes + stateBytes + (externalIO ? ioBufferBytes : 0) }

    /// SRAM the firmware needs when it keeps its own input and output buffers and passes them to
    /// `<prefix>_invoke` (equal to `peakSRAMBytes` with `externalIO`).
    public var sramWithCallerBuffers: Int { arenaArrayBytes + staticBytes + stateBytes + ioBufferBytes }

    /// The absolute offset of `tensor`, if it is in the arena.
    public func offset(of tensor: TensorID) -> Int? {
        tensors.first { $0.tensor == tensor }.map { offsets[$0.request] + $0.byteOffset }
    }

    /// The highest byte in use at each step (`offset + bytes` of the live requests).
    public var highWaterPerStep: [Int] {
        liveBytesPerStep.indices.map { step in
            requests.filter { $0.isLive(at: step) }.map { offsets[$0.id] + $0.bytes }.max() ?? 0
        }
    }

    /// Every broken invariant (empty for a valid plan).
    public func verify() -> [String] {
        var problems: [String] = []
        for r in requests {
            let offset = offsets[r.id]
            if offset < 0 || offset % r.alignment != 0 { problems.append("\(name(r)) at \(offset) is not aligned to \(r.alignment)") }
            if offset + r.bytes > arenaBytes { problems.append("\(name(r)) ends past the arena") }
            if let rule = r.mayShareWith, r.firstStep != rule.step || requests[rule.input].lastStep != rule.step {
                problems.append("\(name(r)) shares with \(name(requests[rule.input])) outside step \(rule.step)")
            }
        }
        for a in requests {
            for b in requests[(a.id + 1)...] where a.isLive(togetherWith: b) && !allowed(a, b) {
                problems.append("\(name(a)) [\(offsets[a.id]), +\(a.bytes)) and \(name(b)) [\(offsets[b.id]), "
                    + "+\(b.bytes)) overlap while both are live")
            }
        }
        if arenaBytes < lowerBound { problems.append("arena \(arenaBytes) is below the lower bound \(lowerBound)") }
        problems += regionProblems()
        return problems
    }

    func allowed(_ a: BufferRequest, _ b: BufferRequest) -> Bool {
        let oa = offsets[a.id], ob = offsets[b.id]
        if oa + a.bytes <= ob || ob + b.bytes <= oa { return true }
        if let rule = a.mayShareWith, rule.input == b.id {
            return rule.allows(outOffset: oa, outBytes: a.bytes, inOffset: ob, inBytes: b.bytes)
        }
        if let rule = b.mayShareWith, rule.input == a.id {
            return rule.allows(outOffset: ob, outBytes: b.bytes, inOffset: oa, inBytes: a.bytes)
        }
        return false
    }

    /// `t12` or `scratch(op3)`.
    public func name(_ request: BufferRequest) -> String {
        if let tensor = request.tensor { return tensor.description }
        return "scratch(\(request.scratchOf.map(\.description) ?? "?"))"
    }

    /// Regions that are out of order, misaligned, or cut through by a request.
    func regionProblems() -> [String] {
        guard !regions.isEmpty else { return [] }
        var problems: [String] = []
        var end = 0
        for region in regions {
            if region.base < end || region.base % Self.regionAlignment != 0 {
                problems.append("region \(region.name ?? "-") at \(region.base) overlaps the previous one or is misaligned")
            }
            end = region.base + region.bytes
        }
        if end != arenaBytes { problems.append("the regions end at \(end), the arena at \(arenaBytes)") }
        for r in requests {
            let region = arenaRegions[regionIndex(of: offsets[r.id])]
            if offsets[r.id] + r.bytes > region.base + region.bytes { problems.append("\(name(r)) crosses the end of its region") }
        }
        return problems
    }
}
