import MemoryPlanning

/// The optimal arena of a tiny problem (alignment 1) by trying every offset of every buffer.
enum ExhaustivePlacement {
    static func optimum(_ requests: [BufferRequest]) -> Int {
        let limit = requests.reduce(0) { $0 + $1.bytes }
        var best = limit
        var offsets = Array(repeating: 0, count: requests.count)
        func place(_ i: Int, arena: Int) {
            if arena >= best { return }
            if i == requests.count {
                best = arena
                return
            }
            for offset in 0...(limit - requests[i].bytes) {
                offsets[i] = offset
                if (0..<i).allSatisfy({ compatible(requests[i], offset, requests[$0], offsets[$0]) }) {
                    place(i + 1, arena: max(arena, offset + requests[i].bytes))
                }
            }
        }
        place(0, arena: 0)
        return best
    }

    static func compatible(_ a: BufferRequest, _ oa: Int, _ b: BufferRequest, _ ob: Int) -> Bool {
        guard a.isLive(togetherWith: b), oa < ob + b.bytes, ob < oa + a.bytes else { return true }
        if let rule = a.mayShareWith, rule.input == b.id {
            return rule.allows(outOffset: oa, outBytes: a.bytes, inOffset: ob, inBytes: b.bytes)
        }
        if let rule = b.mayShareWith, rule.input == a.id {
            return rule.allows(outOffset: ob, outBytes: b.bytes, inOffset: oa, inBytes: a.bytes)
        }
        return false
    }
}
