import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `--io int8` through the commands: `plan` reports what was removed, `run` takes and gives int8.
@Suite(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
struct IOModeCommandTests {
    static let model = SharedModels.path("te_mcunet_vww.tflite")

    @Test func planNamesTheRemovedBoundaryOps() throws {
        let text = Commands.plan(PlanCommandOptions(model: Self.model, io: .int8))
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.contains("rewrite: removed op 0 QUANTIZE: input 0 is now int8 tensor 54 [1, 80, 80, 3] "
            + "(scale 0.007839307, zero point 0)\n"))
        #expect(text.stdout.contains("rewrite: removed op 62 DEQUANTIZE: output 0 is now int8 tensor 39 [1, 2]"))
        let json = Commands.plan(PlanCommandOptions(model: Self.model, json: true, io: .int8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["graph_rewrites"] as? [String])?.count == 2)
        let plain = Commands.plan(PlanCommandOptions(model: Self.model, json: true))
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect((plainObject["graph_rewrites"] as? [String]) == [])
    }

    @Test func runTakesAndGivesInt8() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.npy"
        try Data(NumPyFormat.encode(.int8(Shape([1, 80, 80, 3]), (0..<19_200).map { Int8(truncatingIfNeeded: $0 * 7) })))
            .write(to: URL(fileURLWithPath: input))
        let run = Commands.run(model: Self.model, inputs: [input], outputs: [dir + "/out.npy"], engine: .reference,
                               dumpTensors: nil, io: .int8)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let out = try NumPyFormat.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out.npy"))))
        #expect(out.shape == [1, 2] && out.data.count == 2)
        let asModel = Commands.run(model: Self.model, inputs: [input], outputs: [dir + "/o.npy"], engine: .reference,
                                   dumpTensors: nil)
        #expect(asModel.exitCode == 1 && asModel.stderr.contains("the model expects float32"))
    }
}
