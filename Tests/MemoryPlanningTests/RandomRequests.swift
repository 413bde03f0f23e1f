import MemoryPlanning
import TestSupport

/// Seeded random request sets: chains and branches of buffers over a few steps, some with a
/// streaming or in-place rule between a step's output and an input that dies there, some scratch.
enum RandomRequests {
    static func make(seed: UInt64, maxBuffers: Int = 14, maxBytes: Int = 2000) -> (requests: [BufferRequest], steps: Int) {
        var rng = SeededRandom(seed: seed)
        let steps = Int.random(in: 2...10, using: &rng)
        let count = Int.random(in: 1...maxBuffers, using: &rng)
        var requests: [BufferRequest] = []
        for id in 0..<count {
            let first = Int.random(in: 0..<steps, using: &rng)
            let last = min(steps - 1, first + Int.random(in: 0...3, using: &rng))
            let alignment = [1, 4, 4, 16].randomElement(using: &rng)!
            requests.append(BufferRequest(id: id, tensor: nil, bytes: Int.random(in: 1...maxBytes, using: &rng),
                                          firstStep: first, lastStep: last, alignment: alignment))
        }
        addRules(&requests, rng: &rng)
        return (requests, steps)
    }

    /// At most one rule per output and per step, between an output born at `s` and an input dying at `s`.
    static func addRules(_ requests: inout [BufferRequest], rng: inout SeededRandom) {
        var usedSteps = Set<Int>(), usedInputs = Set<Int>()
        for out in requests.indices where Bool.random(using: &rng) {
            let s = requests[out].firstStep
            guard !usedSteps.contains(s),
                  let input = requests.indices.first(where: {
                      $0 != out && requests[$0].lastStep == s && !usedInputs.contains($0) && requests[$0].mayShareWith?.input != out
                  }) else { continue }
            let kind: SharingRule.Kind = Bool.random(using: &rng)
                ? .sameOffset : .gapAtLeast(Int.random(in: 0...(requests[out].bytes + 8), using: &rng))
            requests[out].mayShareWith = SharingRule(input: input, step: s, kind: kind)
            usedSteps.insert(s)
            usedInputs.insert(input)
        }
    }
}
