/// Produces corrupted variants of a file: truncations, bit flips and overwritten 32-bit words.
public struct Mutator {
    /// The kinds of corruption, cycled in order so each gets an equal share.
    public enum Kind: CaseIterable, Sendable { case truncate, flipBits, overwriteWord }

    /// Words that tend to hit edge cases in offsets, counts and sizes.
    static let interestingWords: [UInt32] = [0, 1, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF, 0x10000, 4, 8, 0xFFFF_FFFE]

    public var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A mutated copy of `bytes` (non-empty input).
    public mutating func mutate(_ bytes: [UInt8], kind: Kind) -> [UInt8] {
        var out = bytes
        switch kind {
        case .truncate:
            out.removeLast(Int.random(in: 1...bytes.count, using: &random))
        case .flipBits:
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let i = Int.random(in: 0..<out.count, using: &random)
                out[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            }
        case .overwriteWord:
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                guard out.count >= 4 else { break }
                // Mostly aligned positions inside the header and tables, where offsets live.
                let limit = min(out.count - 4, Bool.random(using: &random) ? 512 : out.count - 4)
                let i = Int.random(in: 0...limit, using: &random) & ~3
                let word = Bool.random(using: &random)
                    ? Self.interestingWords.randomElement(using: &random)!
                    : UInt32.random(in: 0...UInt32.max, using: &random)
                for k in 0..<4 { out[i + k] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(k))) }
            }
        }
        return out
    }
}
