import Driver
import Foundation
import IR
import Lowering
import Testing
import TestSupport

/// `--prefer`: the speed plan takes every variant, the memory plan never exceeds the lean peak,
/// balanced stays within 5% of it, and only the nodes it names lose their variant.
@Suite struct KernelPreferenceTests {
    static func plan(_ graph: Graph, _ prefer: KernelPreference, target: String) throws -> PlannedModel {
        try Pipeline.plan(graph, options: PipelineOptions(target: TestTargets.named(target), prefer: prefer))
    }

    /// (node, variant) of every call.
    static func variants(_ planned: PlannedModel) -> [NodeID: KernelVariant] {
        Dictionary(planned.kernels.calls.map { ($0.node, $0.binding?.function?.variant ?? .portable) }) { a, _ in a }
    }

    @Test(arguments: ["nucleo-l4r5zi", "corstone300"])
    func everyModelKeepsItsPreferenceContract(target: String) throws {
        for model in try ModelCorpus.supportedModels() {
            let speed = try Self.plan(model.graph, .speed, target: target)
            let memory = try Self.plan(model.graph, .memory, target: target)
            let balanced = try Self.plan(model.graph, .balanced, target: target)
            let name = model.path.split(separator: "/").last ?? ""
            #expect(speed.kernelChoice.portableNodes.isEmpty, "\(name)")
            #expect(speed.memory.peakSRAMBytes == speed.kernelChoice.speedPeakBytes, "\(name)")
            #expect(memory.memory.peakSRAMBytes <= memory.kernelChoice.memoryPeakBytes, "\(name)")
            let limit = Int(Double(balanced.kernelChoice.memoryPeakBytes) * 1.05)
            #expect(balanced.memory.peakSRAMBytes <= limit, "\(name)")
            if speed.memory.peakSRAMBytes <= limit {
                #expect(balanced.kernelChoice.portableNodes.isEmpty, "\(name)")
            }
            let fast = Self.variants(speed)
            // The scratch of each call's portable kernel (a core without DSP or Helium).
            let portable = Dictionary(try Self.plan(model.graph, .speed, target: "rp2040").kernels.calls
                .map { ($0.node, $0.scratchBytes) }) { a, _ in a }
            for planned in [memory, balanced] {
                for call in planned.kernels.calls {
                    let variant = call.binding?.function?.variant ?? .portable
                    guard planned.kernelChoice.portableNodes.contains(call.node) else {
                        #expect(variant == fast[call.node], "\(name) \(call.node) \(planned.kernelChoice.preference)")
                        continue
                    }
                    // Given up for memory: the portable kernel, or a variant with no more scratch.
                    let lean = KernelVariants.rules.contains { $0.scratchFree && $0.function == call.binding?.function }
                    #expect(variant == .portable || (lean && call.scratchBytes == portable[call.node] ?? 0),
                            "\(name) \(call.node) \(planned.kernelChoice.preference)")
                }
            }
        }
    }

    @Test(.enabled(if: SharedModels.available, "../shared/models is absent"))
    func microSpeechRunsItsFasterConvolutionWhateverThePreference() throws {
        let graph = try ModelFile.load(path: SharedModels.path("tflm_micro_speech.tflite"))
        // The one-input-channel depthwise runs as a DSP CONV_2D: 8 channels over a 10x8 window
        // are faster read in place (M4: 882,611 instructions) than through im2col rows (1,040,344),
        // so every preference runs the scratch-free kernel and nothing is given up.
        for prefer in KernelPreference.allCases {
            let planned = try Self.plan(graph, prefer, target: "nucleo-l4r5zi")
            let call = planned.kernels.calls.first { $0.node == NodeID(1) }
            #expect(call?.binding?.function == KernelVariants.convDirectDSP, "\(prefer)")
            #expect(planned.kernelChoice.portableNodes.isEmpty, "\(prefer)")
            #expect(planned.memory.peakSRAMBytes == planned.kernelChoice.memoryPeakBytes, "\(prefer)")
        }
    }

    @Test func im2colScratchIsTradedOnlyWhenAsked() throws {
        // 49x40x1 -> CONV_2D 10x8 stride 4, 16 channels: im2col is the faster kernel (estimates:
        // `ConvDSPCost`), but its rows raise a peak of input + output (4,040 B) by 480 B, more than
        // 5%: balanced gives it up for the scratch-free in-place kernel, speed does not.
        var b = GraphBuilder()
        let x = b.input([1, 49, 40, 1])
        let w = b.constInt8([16, 10, 8, 1], (0..<1280).map { Int8(truncatingIfNeeded: $0 * 37 % 255 - 127) },
                            quant: .perTensor(scale: 0.01, zeroPoint: 0))
        let bias = b.constInt32([16], Array(repeating: 0, count: 16))
        let y = b.op(.conv2d(Conv2D(padding: .same, strideH: 4, strideW: 4, dilationH: 1, dilationW: 1, activation: .relu)),
                     [x, w, bias], [1, 13, 10, 16])
        let graph = b.build(outputs: [y])
        let speed = try Self.plan(graph, .speed, target: "nucleo-l4r5zi")
        let balanced = try Self.plan(graph, .balanced, target: "nucleo-l4r5zi")
        let function = { (planned: PlannedModel) in planned.kernels.calls.first { $0.node == NodeID(0) }?.binding?.function }
        #expect(function(speed) == KernelVariants.convDSP)
        #expect(speed.memory.peakSRAMBytes > balanced.memory.peakSRAMBytes)
        #expect(balanced.kernelChoice.portableNodes == [NodeID(0)])
        #expect(function(balanced) == KernelVariants.convDirectDSP)
        #expect(balanced.memory.peakSRAMBytes == balanced.kernelChoice.memoryPeakBytes)
        #expect(balanced.kernelChoice.summary.contains("1 kept memory-lean (op0)"))
    }

    @Test func planReportsEveryPreferencesPeak() throws {
        let output = Commands.plan(PlanCommandOptions(model: PlanCommandTests.fixture, target: "nucleo-l4r5zi", json: true,
                                                      patching: PatchingOptions(prefer: .memory)))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let report = try PlanCommandTests.json(output)
        let choice = try #require(report["kernel_choice"] as? [String: Any])
        #expect(choice["prefer"] as? String == "memory")
        for key in ["peak_sram_bytes", "speed_peak_sram_bytes", "memory_peak_sram_bytes", "variant_calls"] {
            #expect(choice[key] is Int, "\(key)")
        }
        #expect(choice["peak_sram_bytes"] as? Int == report["peak_sram_bytes"] as? Int)
        let text = Commands.plan(PlanCommandOptions(model: PlanCommandTests.fixture, memory: .estimate))
        #expect(text.stdout.contains("kernels: prefer balanced,"))
    }
}
