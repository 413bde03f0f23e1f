import IR

/// Instructions one inference executed inside the model's entry function (`<prefix>_run` in
/// zero-copy mode, `<prefix>_invoke` with `--external-io`), from its first instruction to its
/// return, every kernel and C-library helper it calls included, counted by the QEMU plugin in the
/// profiling program, split at the step markers.
///
/// The profiling program calls an empty marker function before the first step and after every
/// step. Each marker call costs exactly `markerCost` instructions (the call and the marker's
/// return), which are excluded from every figure here; what remains is what the model executes
/// without markers, up to the compiler scheduling a few argument set-up instructions across a
/// step boundary. Invariant: `total == prologue + steps.sum + epilogue`.
public struct InstructionProfile: Sendable, Hashable {
    /// Everything, markers excluded.
    public var total: Int
    /// Before the first step: the entry's frame set-up (and copying the inputs into the arena in `_invoke`).
    public var prologue: Int
    /// Each step, in step order.
    public var steps: [Int]
    /// After the last step: the return (and copying the outputs out in `_invoke`).
    public var epilogue: Int

    public init(total: Int, prologue: Int, steps: [Int], epilogue: Int) {
        self.total = total
        self.prologue = prologue
        self.steps = steps
        self.epilogue = epilogue
    }

    /// Instructions of one marker call: the `bl` and the marker's `bx lr`.
    public static let markerCost = 2

    /// The marker events of the plugin's output: `invoke N`, `step N`..., and `return N` (the
    /// count before the first instruction after invoke returns), per inference; other lines are
    /// ignored. Throws `.mismatch` when the events are not complete inferences.
    static func parse(_ events: [(name: String, count: Int)]) throws(CompileError) -> [InstructionProfile] {
        var profiles: [InstructionProfile] = []
        var start: Int?
        var marks: [Int] = []
        for (name, count) in events {
            switch name {
            case "invoke":
                guard start == nil else { throw broken("invoke entered twice without returning") }
                start = count
                marks = []
            case "step":
                guard start != nil else { throw broken("a step marker outside invoke") }
                marks.append(count)
            case "return":
                guard let begin = start, let first = marks.first, let last = marks.last else {
                    throw broken("invoke returned without step markers")
                }
                profiles.append(profile(start: begin, marks: marks, first: first, last: last, end: count))
                start = nil
            default:
                continue
            }
        }
        guard start == nil else { throw broken("the last inference did not return") }
        return profiles
    }

    /// Counts are of instructions executed before the marked instruction: `start` before invoke's
    /// first instruction, `marks` before each marker's return (so each includes its call), `end`
    /// before the first instruction after invoke's return.
    static func profile(start: Int, marks: [Int], first: Int, last: Int, end: Int) -> InstructionProfile {
        let steps = zip(marks, marks.dropFirst()).map { $1 - $0 - markerCost }
        let prologue = first - start - (markerCost - 1)
        let epilogue = end - last - 1
        return InstructionProfile(total: prologue + steps.reduce(0, +) + epilogue, prologue: prologue, steps: steps,
                                  epilogue: epilogue)
    }

    static func broken(_ what: String) -> CompileError {
        CompileError(.mismatch, "the instruction counts are inconsistent: \(what)")
    }
}
