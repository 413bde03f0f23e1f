import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `--patch`, `--input-streaming`, `--max-mac-overhead` through the commands.
@Suite struct PatchCommandTests {
    @Test func patchChoicesParse() {
        #expect(PatchChoice(patchArgument: "none") == PatchChoice.none)
        #expect(PatchChoice(patchArgument: "auto") == .auto && PatchChoice(patchArgument: "fit") == .fit)
        #expect(PatchChoice(patchArgument: "4x3@7") == .grid(rows: 4, cols: 3, ops: 7))
        for bad in ["4x@7", "0x1@1", "4x4", "x", "4x4@0", "4x4@-1", "4x4@7@1", "+4x4@7", "auto "] {
            #expect(PatchChoice(patchArgument: bad) == nil, "\(bad)")
        }
        #expect(PatchingOptions.overhead("20") == 0.2 && PatchingOptions.overhead("5%") == 0.05)
        for bad in ["-1", "abc", "1001", "", "%"] { #expect(PatchingOptions.overhead(bad) == nil, "\(bad)") }
    }

    @Test func impossibleRequestsAreOneLineErrors() {
        let example = StageDumpTests.example
        let split = Commands.plan(PlanCommandOptions(model: example, patching: PatchingOptions(patch: .grid(rows: 2, cols: 2, ops: 99))))
        #expect(split.exitCode == 1 && split.stderr.contains("--patch 2x2@99: the first 99 ops cannot be a patch stage: only the first"))
        #expect(split.stderr.filter { $0 == "\n" }.count == 1)
        let grid = Commands.plan(PlanCommandOptions(model: example, patching: PatchingOptions(patch: .grid(rows: 99, cols: 1, ops: 1))))
        #expect(grid.exitCode == 1 && grid.stderr.contains("a 99x1 grid would leave a patch empty"))
        let streaming = Commands.plan(PlanCommandOptions(model: example, patching: PatchingOptions(inputStreaming: true)))
        #expect(streaming.exitCode == 1 && streaming.stderr.contains("--input-streaming needs a patch stage"))
    }

    @Test(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
    func autoMeetsTheTargetsOnTheSharedModels() throws {
        func plan(_ name: String, io: IOMode = .model, streaming: Bool) throws -> [String: Any] {
            let output = Commands.plan(PlanCommandOptions(model: SharedModels.path(name), json: true, io: io,
                                                          patching: PatchingOptions(patch: .auto, inputStreaming: streaming),
                                                          verbose: true))
            #expect(output.exitCode == 0, "\(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        }
        let te = try plan("te_mcunet_vww.tflite", io: .int8, streaming: false)
        let patch = try #require(te["patch"] as? [String: Any])
        #expect(patch["applied"] as? Bool == true)
        #expect((te["peak_sram_bytes"] as? Int ?? .max) <= 48_000)
        #expect(patch["peak_input_held_bytes"] as? Int == te["peak_sram_bytes"] as? Int)
        #expect((patch["mac_overhead"] as? Double ?? 1) <= 0.2)
        #expect(((patch["candidates"] as? [Any])?.count ?? 0) > 10)
        for name in ["mlperf_vww_mbv1_96.tflite", "tflm_person_detect.tflite"] {
            let streamed = try plan(name, streaming: true)
            #expect((streamed["peak_sram_bytes"] as? Int ?? .max) <= 22_400, "\(name)")
            let streamedPatch = try #require(streamed["patch"] as? [String: Any])
            #expect(streamedPatch["input_streaming"] as? Bool == true)
            #expect(streamedPatch["peak_input_streamed_bytes"] as? Int == streamed["peak_sram_bytes"] as? Int)
        }
    }

    @Test func textAndSVGShowTheStage() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-patch-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: svg) }
        let output = Commands.plan(PlanCommandOptions(model: StageDumpTests.example, svgPath: svg,
                                                      patching: PatchingOptions(patch: .grid(rows: 2, cols: 2, ops: 7))))
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.contains("patch stage: ops 0-6 (7 ops) run per patch, a 2x2 grid over t18 [1, 2, 2, 16]"))
        #expect(output.stdout.contains("  chosen: 2x2@7: forced by --patch\n"))
        #expect(output.stdout.contains("   0   0  CONV_2D            patch conv"))
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawing.contains("patch loop: 2x2 = 4 times") && drawing.contains("per-patch buffers"))
        #expect(drawing.contains("input t0 (held): patch regions, halos") && drawing.contains("class=\"patch-stage\""))
    }

    @Test func compileEmitsThePatchLoopAndDocumentsTheCallback() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-patch-compile-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = Commands.compile(CompileCommandOptions(
            model: StageDumpTests.example, outputDirectory: directory.path, io: .int8,
            patching: PatchingOptions(patch: .grid(rows: 2, cols: 3, ops: 1), inputStreaming: true)))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let header = try #require(files.first { $0.hasSuffix(".h") && !$0.hasPrefix("mcuc_") })
        let source = try #require(files.first { $0.hasSuffix(".c") && !$0.hasPrefix("mcuc_") && !$0.contains("weights") })
        let h = try String(contentsOf: directory.appendingPathComponent(header), encoding: .utf8)
        let c = try String(contentsOf: directory.appendingPathComponent(source), encoding: .utf8)
        #expect(h.contains("_read_input(int32_t row, int32_t col, int32_t height, int32_t width, int8_t *dst);"))
        #expect(c.contains("for (patch_row = 0; patch_row < 2; ++patch_row)"))
        #expect(c.contains("for (patch_col = 0; patch_col < 3; ++patch_col)"))
        #expect(c.contains("return MCUC_ERROR_READ_INPUT;"))
    }
}
