import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `Examples/mbv2_shapes`: MobileNetV2 (alpha 0.35, 144x144x3) does not fit a 256 KB board layer by
/// layer and fits it patch by patch, at least 3x below the layer-based peak within 20% more MACs.
@Suite struct PatchExampleTests {
    static var model: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/mbv2_shapes/mbv2_shapes.tflite").path
    }

    @Test func fitsA256KBBoardOnlyPatchByPatch() {
        for board in ["stm32f412", "nano33ble"] {
            let layer = Commands.fit(FitCommandOptions(model: Self.model, target: board))
            #expect(layer.exitCode == 1 && layer.stderr.contains("does not fit \(board)"), "\(board): \(layer.stderr)")
            let patched = Commands.fit(FitCommandOptions(model: Self.model, target: board,
                                                         patching: PatchingOptions(patch: .auto)))
            #expect(patched.exitCode == 0 && patched.stdout.contains("fits"), "\(board): \(patched.stderr)")
        }
    }

    @Test func patchPeakIsAtLeastThreeTimesSmaller() throws {
        let output = Commands.plan(PlanCommandOptions(model: Self.model, json: true, patching: PatchingOptions(patch: .auto)))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let patch = try #require(report["patch"] as? [String: Any])
        let peak = try #require(report["peak_sram_bytes"] as? Int), layer = try #require(patch["layer_based_peak_bytes"] as? Int)
        #expect(peak * 3 <= layer, "patch peak \(peak), layer-based \(layer)")
        #expect((patch["mac_overhead"] as? Double ?? 1) <= 0.2)
    }
}
