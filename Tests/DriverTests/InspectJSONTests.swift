import Driver
import Foundation
import Testing
import TestSupport

/// `mcuc inspect --json` agrees with models.json for every shared model.
@Suite(.enabled(if: SharedModels.available, "../shared/models not found (set MCUC_MODELS_DIR)"))
struct InspectJSONTests {
    struct Report: Decodable {
        struct IO: Decodable { var shape: [Int]; var dtype: String; var name: String }
        struct Op: Decodable { var index: Int; var type: String; var macs: Int }
        var version: Int
        var inputs: [IO]
        var outputs: [IO]
        var ops: [Op]
        var op_counts: [String: Int]
        var macs: Int
    }

    static let entries: [SharedModels.Entry] = (try? SharedModels.manifest()) ?? []

    @Test(arguments: entries.map(\.file))
    func jsonMatchesManifest(file: String) throws {
        let entry = try #require(Self.entries.first { $0.file == file })
        let output = Commands.inspect(model: SharedModels.path(file), json: true)
        #expect(output.exitCode == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8))
        #expect(report.version == 1)
        #expect(report.op_counts == entry.ops)
        #expect(report.ops.count == entry.num_ops)
        #expect(report.inputs.map(\.shape) == entry.inputs.map(\.shape))
        #expect(report.outputs.map(\.shape) == entry.outputs.map(\.shape))
        #expect(report.inputs.map(\.dtype) == entry.inputs.map(\.dtype))
        #expect(report.macs == report.ops.reduce(0) { $0 + $1.macs })
    }

    /// MACs are defined once (IR's `macs(of:)`): only CONV_2D, DEPTHWISE_CONV_2D and
    /// FULLY_CONNECTED count; elementwise MUL and ADD count 0 alike.
    @Test func elementwiseOpsCountNoMACs() throws {
        for name in ["mul_000_same_1x5x5x3.tflite", "add_000_same_1x5x5x3.tflite"] {
            let path = SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops/\(name)").path
            let output = Commands.inspect(model: path, json: true)
            let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
            #expect(json["macs"] as? Int == 0, "\(name)")
        }
    }

    @Test func vwwMACsAreMobileNetSized() throws {
        let output = Commands.inspect(model: SharedModels.path("mlperf_vww_mbv1_96.tflite"), json: true)
        let report = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8))
        // MobileNetV1 0.25 at 96x96: about 7.5 M MACs (conv + depthwise + FC).
        #expect(report.macs > 7_000_000 && report.macs < 8_000_000)
    }

    @Test func textReportListsUnsupportedOps() {
        let output = Commands.inspect(model: ModelCorpus.refusedFixturePath, json: false)
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM), tensor 0 'input': int16 activations not supported"))
    }
}
