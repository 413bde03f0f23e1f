import IR
import Lowering
import MemoryPlanning
import Scheduling

/// `--prefer`: which kernels to take where a fast variant needs more SRAM than the portable kernel.
public enum KernelPreference: String, Sendable, Hashable, CaseIterable {
    /// Memory-lean kernels (portable, or a scratch-free variant) wherever a variant would raise the
    /// peak above the memory-lean plan's.
    case memory
    /// The fastest variant for every call the core can run it on, whatever its scratch costs.
    case speed
    /// The fastest variants whose plan stays within `balancedSlack` of the memory-lean peak.
    case balanced

    /// How far above the memory-lean peak `balanced` may go: 5%.
    public static let balancedSlack = 0.05
}

/// What `--prefer` chose, and what the other choices would have cost.
public struct KernelChoice: Sendable, Hashable {
    public var preference: KernelPreference
    /// Peak SRAM of the plan with every variant the core offers (`speed`).
    public var speedPeakBytes: Int
    /// Peak SRAM of the plan with portable kernels wherever they differ (`memory`).
    public var memoryPeakBytes: Int
    /// Peak SRAM of the chosen plan.
    public var chosenPeakBytes: Int
    /// Calls whose fast variant was given up (they run the portable kernel or a scratch-free
    /// variant), and calls that run their fastest variant in the chosen plan.
    public var portableNodes: Set<NodeID>
    public var variantCalls: Int

    /// `kernels: prefer balanced, 27 calls on fast variants, 1 kept memory-lean (op0); peak 4,200 B
    /// (speed 4,680 B, memory 4,200 B)`.
    public var summary: String {
        guard variantCalls + portableNodes.count > 0 else {
            return "kernels: portable C only (no DSP or Helium variant applies on this core)"
        }
        let kept = portableNodes.isEmpty ? "" : ", \(portableNodes.count) kept memory-lean ("
            + portableNodes.sorted().map(\.description).joined(separator: ", ") + ")"
        return "kernels: prefer \(preference.rawValue), \(variantCalls) call\(variantCalls == 1 ? "" : "s") on fast variants\(kept); "
            + "peak \(Grouped.text(chosenPeakBytes)) B (speed \(Grouped.text(speedPeakBytes)) B, "
            + "memory \(Grouped.text(memoryPeakBytes)) B)"
    }
}

/// Lowers and places a schedule for a `KernelPreference`: the speed plan, and where its peak SRAM
/// is above the limit, fast variants given up one call at a time (`giveUpOrder`) until the plan
/// is within the limit; the memory-lean plan bounds the search.
enum KernelPreferenceSearch {
    struct Lowered {
        var kernels: KernelPlan
        var memory: MemoryPlan
    }

    static func lowerAndPlace(_ graph: Graph, schedule: Schedule,
                              options: PipelineOptions) -> (Lowered, KernelChoice) {
        let fast = lower(graph, schedule: schedule, options: options, portable: [])
        let variantNodes = fast.kernels.calls.filter { $0.binding?.function?.variant ?? .portable != .portable }
        let allPortable = Set(variantNodes.map(\.node))
        var choice = KernelChoice(preference: options.prefer, speedPeakBytes: fast.memory.peakSRAMBytes,
                                  memoryPeakBytes: fast.memory.peakSRAMBytes, chosenPeakBytes: fast.memory.peakSRAMBytes,
                                  portableNodes: [], variantCalls: variantNodes.count)
        guard !allPortable.isEmpty else { return (fast, choice) }
        let lean = lower(graph, schedule: schedule, options: options, portable: allPortable)
        choice.memoryPeakBytes = lean.memory.peakSRAMBytes
        let limit: Int
        switch options.prefer {
        case .speed: return (fast, choice)
        case .memory: limit = lean.memory.peakSRAMBytes
        case .balanced: limit = Int((Double(lean.memory.peakSRAMBytes) * (1 + KernelPreference.balancedSlack)).rounded(.down))
        }
        var chosen = fast
        var portable = Set<NodeID>()
        let order = giveUpOrder(variantNodes, lean: lean.kernels, graph: graph)
        for node in order where chosen.memory.peakSRAMBytes > limit {
            portable.insert(node)
            chosen = portable == allPortable ? lean : lower(graph, schedule: schedule, options: options, portable: portable)
        }
        choice.portableNodes = portable
        choice.variantCalls = variantNodes.count - portable.count
        choice.chosenPeakBytes = chosen.memory.peakSRAMBytes
        return (chosen, choice)
    }

    /// The variant calls in the order `lowerAndPlace` gives them up: fewest MACs per byte of
    /// scratch above the lean plan's kernel first (the least speed for the most SRAM; a variant
    /// whose lean kernel is itself a variant, the one-channel in-place DSP depthwise, loses
    /// little), then in step order.
    static func giveUpOrder(_ calls: [KernelCall], lean: KernelPlan, graph: Graph) -> [NodeID] {
        let leanScratch = Dictionary(lean.calls.map { ($0.node, $0.scratchBytes) }, uniquingKeysWith: max)
        let costs = calls.enumerated().map { i, call in
            let extra = max(1, call.scratchBytes - (leanScratch[call.node] ?? 0))
            return (node: call.node, index: i, cost: Double(graph.macs(of: graph[call.node])) / Double(extra))
        }
        return costs.sorted { $0.cost != $1.cost ? $0.cost < $1.cost : $0.index < $1.index }.map(\.node)
    }

    static func lower(_ graph: Graph, schedule: Schedule, options: PipelineOptions, portable: Set<NodeID>) -> Lowered {
        let kernels = Lowering.lower(graph, schedule: schedule,
                                     options: LoweringOptions(target: options.target, externalIO: options.externalIO,
                                                              sharing: options.sharing, portableNodes: portable))
        Pipeline.check(Lowering.problems(in: kernels, graph: graph, schedule: schedule), stage: .lowering)
        let memory = MemoryPlanning.plan(graph, schedule: schedule, kernels: kernels,
                                         options: PlanningOptions(planner: options.planner, alignment: options.alignment,
                                                                  regions: options.regions))
        Pipeline.check(memory.verify(), stage: .memory)
        return Lowered(kernels: kernels, memory: memory)
    }
}
