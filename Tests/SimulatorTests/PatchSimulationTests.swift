import Driver
import Foundation
import IR
import Scheduling
import Simulator
import Testing
import TestSupport

/// Patch-based inference in emitted C: the patch loop equals the layer-based reference bit for
/// bit and its measured peak arena equals the plan, on random patchable networks (residual ADDs,
/// concatenations, PADs, dilations, strides, non-square grids with a smaller last row or column,
/// inputs held or streamed, graph I/O in or outside the arena) and on the shared models and the
/// example. `make test` runs a representative set; `make stress-patch` (`MCUC_PATCH_STRESS=1`)
/// runs 48 random networks and every shared case (on the M4 too).
@Suite(.enabled(if: HostTesting.hasGCC, "gcc not found"))
struct PatchSimulationTests {
    /// True under `make stress-patch`.
    static let stress = ProcessInfo.processInfo.environment["MCUC_PATCH_STRESS"] == "1"

    /// One forced patch plan of a test.
    struct Case: CustomStringConvertible {
        var patch: PatchChoice
        var streaming = false
        var io: IOMode = .model
        var externalIO = false

        var pipeline: PipelineOptions {
            PipelineOptions(externalIO: externalIO, io: io, patch: patch, inputStreaming: streaming)
        }

        var description: String {
            "--patch \(patch)" + (streaming ? " --input-streaming" : "") + (io == .int8 ? " --io int8" : "")
                + (externalIO ? " --external-io" : "")
        }
    }

    /// Grids tried on random networks, in order; the first two that a split accepts are used.
    static let grids = [(2, 2), (3, 2), (1, 3), (4, 4), (2, 1), (5, 3)]

    /// Up to three forced plans per network: the longest split some grid applies to, over two
    /// grids (input held, then streamed), and a shorter split, with graph I/O outside the arena
    /// on odd seeds.
    static func cases(_ graph: Graph, seed: Int) -> [Case] {
        let splits = PatchSplits.analyze(graph).splits
        func grids(_ split: StageSplit) -> [PatchChoice] {
            let shape = graph[split.output].shape
            return Self.grids.filter { r, c in
                guard let grid = PatchGrid.even(height: shape[1], width: shape[2], rows: r, cols: c) else { return false }
                return (try? PatchPlan.make(split: split, grid: grid, inputStreaming: true, graph: graph).get()) != nil
            }.prefix(2).map { PatchChoice.grid(rows: $0.0, cols: $0.1, ops: split.count) }
        }
        guard let longest = splits.lastIndex(where: { !grids($0).isEmpty }) else { return [] }
        var result: [Case] = []
        for (k, choice) in grids(splits[longest]).enumerated() {
            result.append(Case(patch: choice, streaming: k == 1, externalIO: seed % 2 == 1))
        }
        if longest > 0, let choice = grids(splits[longest / 2]).last {
            result.append(Case(patch: choice, streaming: seed % 3 == 0))
        }
        return result
    }

    @Test(arguments: 0..<(stress ? 48 : 6))
    func randomNetworksRunPatchByPatchExactly(seed: Int) throws {
        let graph = RandomPatchNetwork.make(seed: UInt64(seed) &* 104_729 &+ 3, layers: 3 + seed % 4)
        let cases = Self.cases(graph, seed: seed)
        #expect(!cases.isEmpty, "seed \(seed): no patch plan applies; the test would prove nothing")
        for c in cases {
            let report = try HostTesting.simulate(graph, path: "random-patch-network-\(seed)",
                                                  runtime: try HostTesting.runtime("gcc"), pipeline: c.pipeline)
            HostTesting.expectExactAndInsideArena(report, "seed \(seed) \(c)")
        }
    }

    /// Plans on the shared models and the example, each model with `--patch auto` and forced
    /// grids (square and not, a smaller last row or column), input held and streamed, a float
    /// input quantized inside the stage, graph I/O outside the arena. `make test` runs the cases
    /// marked `representative` (one per model); `make stress-patch` runs all of them, on the host
    /// and on the M4 under QEMU (`QemuPatchTests`).
    static let allSharedCases: [(String, Case)] = [
        ("te_mcunet_vww.tflite", Case(patch: .auto, io: .int8)),
        ("te_mcunet_vww.tflite", Case(patch: .auto, streaming: true, io: .int8)),
        ("te_mcunet_vww.tflite", Case(patch: .grid(rows: 3, cols: 5, ops: 4))),
        ("te_mcunet_vww.tflite", Case(patch: .grid(rows: 2, cols: 2, ops: 8), io: .int8)),
        ("te_mcunet_vww.tflite", Case(patch: .grid(rows: 7, cols: 3, ops: 12), streaming: true, io: .int8, externalIO: true)),
        ("mlperf_vww_mbv1_96.tflite", Case(patch: .auto, streaming: true, io: .int8)),
        ("mlperf_vww_mbv1_96.tflite", Case(patch: .grid(rows: 2, cols: 3, ops: 6))),
        ("mlperf_vww_mbv1_96.tflite", Case(patch: .grid(rows: 4, cols: 4, ops: 4), streaming: true, io: .int8)),
        ("mlperf_vww_mbv1_96.tflite", Case(patch: .grid(rows: 1, cols: 3, ops: 10), io: .int8, externalIO: true)),
        ("tflm_person_detect.tflite", Case(patch: .auto, streaming: true, io: .int8)),
        ("tflm_person_detect.tflite", Case(patch: .auto, io: .int8)),
        ("tflm_person_detect.tflite", Case(patch: .grid(rows: 4, cols: 3, ops: 9))),
        ("tflm_person_detect.tflite", Case(patch: .grid(rows: 3, cols: 3, ops: 5), streaming: true, io: .int8)),
        ("tflm_person_detect.tflite", Case(patch: .grid(rows: 2, cols: 3, ops: 12))),
        ("mbv2_shapes.tflite", Case(patch: .auto)),
        ("mbv2_shapes.tflite", Case(patch: .auto, streaming: true, io: .int8)),
        ("mbv2_shapes.tflite", Case(patch: .grid(rows: 3, cols: 2, ops: 13), streaming: true, io: .int8)),
        ("mbv2_shapes.tflite", Case(patch: .grid(rows: 5, cols: 4, ops: 10))),
    ]

    /// The shared cases of `make test`: one per model, held and streamed, auto and forced.
    static let representative: Set<Int> = [0, 5, 11, 16]

    static var sharedCases: [(String, Case)] {
        allSharedCases.indices.filter { stress || representative.contains($0) }.map { allSharedCases[$0] }
    }

    static func path(_ name: String) -> String {
        name == "mbv2_shapes.tflite"
            ? SharedModels.repositoryRoot.appendingPathComponent("Examples/mbv2_shapes/\(name)").path
            : SharedModels.path(name)
    }

    @Test(.enabled(if: SharedModels.available, "../shared/models not found"), arguments: sharedCases.indices)
    func sharedModelsRunPatchByPatchExactly(_ index: Int) throws {
        let (name, c) = Self.sharedCases[index]
        let graph = try HostTesting.load(Self.path(name))
        let planned = try Pipeline.plan(graph, options: c.pipeline)
        #expect(planned.schedule.patchStage != nil, "\(name) \(c): no patch stage")
        let report = try HostTesting.simulate(graph, path: Self.path(name), runtime: try HostTesting.runtime("gcc"),
                                              pipeline: c.pipeline)
        HostTesting.expectExactAndInsideArena(report, "\(name) \(c)")
    }
}
