import IR
import Simulator

/// One step of the instruction profile `mcuc simulate --on qemu` prints.
public struct ProfileLayer: Sendable, Encodable, Equatable {
    public var step: Int
    public var op_index: Int
    /// The TFLite operator (`CONV_2D`).
    public var op: String
    /// The kernel the step runs (`conv1x1`).
    public var kernel: String
    /// The C function the step calls (`mcuc_conv2d_1x1_s8`; nil for a view or a plain copy).
    public var function: String?
    /// Its implementation: `portable`, `dsp` or `mve` (nil without a function).
    public var variant: String?
    public var macs: Int
    /// Instructions of the step (markers excluded), first input.
    public var instructions: Int
    /// MACs per instruction (0 for steps without MACs or instructions), three decimals.
    public var macs_per_instruction: Double
    /// The step's share of the instructions of one inference, four decimals.
    public var share: Double
    /// Bytes of the arena live during the step.
    public var live_bytes: Int

    /// One layer per step of `planned`, from the first inference's profile.
    static func layers(_ planned: PlannedModel, profile: InstructionProfile) -> [ProfileLayer] {
        let graph = planned.graph
        return planned.kernels.calls.map { call in
            let instructions = call.step < profile.steps.count ? profile.steps[call.step] : 0
            let macs = graph.macs(of: graph[call.node])
            return ProfileLayer(step: call.step, op_index: call.node.index, op: graph[call.node].op.name,
                                kernel: call.kernel.name, function: call.binding?.function?.symbol,
                                variant: call.binding?.function?.variant.rawValue, macs: macs, instructions: instructions,
                                macs_per_instruction: ratio(macs, instructions, places: 3),
                                share: ratio(instructions, profile.total, places: 4),
                                live_bytes: planned.memory.liveBytesPerStep[call.step])
        }
    }

    /// `a / b` rounded to `places` decimals (0 when `b` is 0).
    static func ratio(_ a: Int, _ b: Int, places: Int) -> Double {
        guard b > 0 else { return 0 }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (Double(a) / Double(b) * scale).rounded() / scale
    }
}
