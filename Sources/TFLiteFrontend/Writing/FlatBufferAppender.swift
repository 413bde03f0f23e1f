/// Builds bytes front to back, with uoffsets patched once every position is known.
struct FlatBufferAppender {
    /// Something a uoffset points to: a position in the new bytes, or in the old file (which will
    /// follow the new bytes).
    enum Target { case new(Int), old(Int) }

    var bytes: [UInt8] = []
    var patches: [(at: Int, target: Target)] = []

    mutating func align(_ alignment: Int) { while bytes.count % alignment != 0 { bytes.append(0) } }

    mutating func u16(_ value: Int) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }

    mutating func u32(_ value: Int) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * k))) } }

    /// A uoffset slot to `target`, resolved by `finish`.
    mutating func offset(to target: Target) {
        patches.append((bytes.count, target))
        u32(0)
    }

    /// The bytes (padded to 16) with every uoffset resolved, followed by `old`.
    func finish(followedBy old: [UInt8]) -> [UInt8] {
        var out = bytes
        while out.count % 16 != 0 { out.append(0) }
        let shift = out.count
        for patch in patches {
            let target: Int
            switch patch.target {
            case .new(let position): target = position
            case .old(let position): target = position + shift
            }
            precondition(target > patch.at, "FlatBuffer offsets must point forward")
            for k in 0..<4 { out[patch.at + k] = UInt8(truncatingIfNeeded: (target - patch.at) >> (8 * k)) }
        }
        return out + old
    }
}
