/// The placement problem in the form every algorithm works on: sizes, alignments, and for each
/// buffer the buffers live at the same time with the rule between each pair.
struct PlacementProblem: Sendable {
    /// How buffer `self` may sit relative to a co-live neighbour.
    enum Relation: Sendable, Hashable {
        case disjoint
        /// `self` is the kernel's input: `offset(self) - offset(other) >= gap`, or disjoint.
        case inputOf(gap: Int)
        /// `self` is the kernel's output: `offset(other) - offset(self) >= gap`, or disjoint.
        case outputOf(gap: Int)
        /// Same offset, or disjoint.
        case sameOffset
    }

    struct Neighbor: Sendable, Hashable {
        var other: Int
        var relation: Relation
    }

    var sizes: [Int]
    var alignments: [Int]
    var neighbors: [[Neighbor]]
    var firstSteps: [Int]
    var lastSteps: [Int]
    /// True for a kernel's scratch (`BufferRequest.scratchOf`), false for tensors.
    var isScratch: [Bool]

    var count: Int { sizes.count }

    init(requests: [BufferRequest]) {
        sizes = requests.map(\.bytes)
        alignments = requests.map(\.alignment)
        firstSteps = requests.map(\.firstStep)
        lastSteps = requests.map(\.lastStep)
        isScratch = requests.map { $0.scratchOf != nil }
        neighbors = Array(repeating: [], count: requests.count)
        let byStart = requests.indices.sorted { (requests[$0].firstStep, $0) < (requests[$1].firstStep, $1) }
        for (position, i) in byStart.enumerated() {
            for j in byStart[(position + 1)...] {
                guard requests[j].firstStep <= requests[i].lastStep else { break }
                let (ri, rj) = Self.relations(requests[i], requests[j])
                neighbors[i].append(Neighbor(other: j, relation: ri))
                neighbors[j].append(Neighbor(other: i, relation: rj))
            }
        }
        for i in neighbors.indices { neighbors[i].sort { $0.other < $1.other } }
    }

    /// The relation seen from `a` and from `b` (two co-live requests).
    static func relations(_ a: BufferRequest, _ b: BufferRequest) -> (Relation, Relation) {
        if let rule = a.mayShareWith, rule.input == b.id { return pair(rule.kind) }
        if let rule = b.mayShareWith, rule.input == a.id {
            let (output, input) = pair(rule.kind)
            return (input, output)
        }
        return (.disjoint, .disjoint)
    }

    /// (relation of the output, relation of the input).
    static func pair(_ kind: SharingRule.Kind) -> (Relation, Relation) {
        switch kind {
        case .gapAtLeast(let gap): (.outputOf(gap: gap), .inputOf(gap: gap))
        case .sameOffset: (.sameOffset, .sameOffset)
        }
    }

    /// True when buffer `i` at `offset` is compatible with neighbour `n` at `otherOffset`.
    func allows(_ i: Int, at offset: Int, _ n: Neighbor, at otherOffset: Int) -> Bool {
        let j = n.other
        if offset + sizes[i] <= otherOffset || otherOffset + sizes[j] <= offset { return true }
        switch n.relation {
        case .disjoint: return false
        case .inputOf(let gap): return offset - otherOffset >= gap
        case .outputOf(let gap): return otherOffset - offset >= gap
        case .sameOffset: return offset == otherOffset
        }
    }

    /// True when `i` at `offset` is compatible with every placed neighbour (`offsets[j] >= 0`).
    func fits(_ i: Int, at offset: Int, offsets: [Int]) -> Bool {
        for n in neighbors[i] where offsets[n.other] >= 0 {
            if !allows(i, at: offset, n, at: offsets[n.other]) { return false }
        }
        return true
    }

    /// `value` rounded up to a multiple of `alignment` (a power of two).
    static func alignUp(_ value: Int, _ alignment: Int) -> Int { (value + alignment - 1) & ~(alignment - 1) }

    /// The lowest aligned offset `>= 0` where `i` fits among the placed buffers: starts at 0 and
    /// jumps past every conflicting neighbour until none conflicts (offsets only grow, so it ends).
    func lowestFit(_ i: Int, offsets: [Int]) -> Int {
        var offset = 0
        var moved = true
        while moved {
            moved = false
            for n in neighbors[i] where offsets[n.other] >= 0 {
                let other = offsets[n.other]
                if allows(i, at: offset, n, at: other) { continue }
                offset = Self.alignUp(nextCandidate(i, after: offset, n, at: other), alignments[i])
                moved = true
            }
        }
        return offset
    }

    /// The smallest offset above `offset` that resolves the conflict with neighbour `n` (every
    /// offset between the two conflicts with `n` too, so `lowestFit` finds the lowest fit).
    func nextCandidate(_ i: Int, after offset: Int, _ n: Neighbor, at other: Int) -> Int {
        let end = other + sizes[n.other]
        switch n.relation {
        case .inputOf(let gap) where other + gap > offset: return min(other + gap, end)
        case .sameOffset where other > offset: return other
        default: return max(end, offset + 1)
        }
    }

    /// Places buffers in `order`, each at its lowest fit. Returns offsets and the arena size.
    func firstFit(order: [Int]) -> (offsets: [Int], arena: Int) {
        var offsets = Array(repeating: -1, count: count)
        var arena = 0
        for i in order {
            let offset = lowestFit(i, offsets: offsets)
            offsets[i] = offset
            arena = max(arena, offset + sizes[i])
        }
        return (offsets, arena)
    }
}
