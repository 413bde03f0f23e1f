import Driver
import Foundation
import FoundationXML
import Testing
import TestSupport

@Suite struct PlanCommandTests {
    static var fixture: String {
        SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops/multi_000_conv_maxpool_fc_softmax.tflite").path
    }

    static func json(_ output: CommandOutput) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    }

    @Test func jsonCarriesTheContractKeys() throws {
        let output = Commands.plan(PlanCommandOptions(model: Self.fixture, json: true))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let report = try Self.json(output)
        #expect(report["version"] as? Int == 1)
        #expect(report["target"] as? String == "nucleo-l4r5zi")
        for key in ["model", "peak_sram_bytes", "arena_bytes", "lower_bound_bytes", "liveness_bound_bytes", "fits"] {
            #expect(report[key] != nil, "\(key)")
        }
        let flash = report["flash_bytes"] as! [String: Any]
        #expect(flash["weights"] is Int && flash["code"] is Int)
        let steps = report["steps"] as! [[String: Any]]
        #expect(steps.first?["op_index"] as? Int == 0 && steps.first?["op_name"] as? String == "CONV_2D")
        #expect(steps.allSatisfy { $0["live_bytes"] is Int })
        let buffers = report["buffers"] as! [[String: Any]]
        for key in ["tensor", "name", "offset", "bytes", "first_step", "last_step"] {
            #expect(buffers.allSatisfy { $0[key] != nil }, "\(key)")
        }
        #expect((report["peak_sram_bytes"] as! Int) >= (report["lower_bound_bytes"] as! Int))
    }

    @Test func sameInputSameBytes() {
        let a = Commands.plan(PlanCommandOptions(model: Self.fixture, json: true))
        let b = Commands.plan(PlanCommandOptions(model: Self.fixture, json: true))
        #expect(a == b)
    }

    @Test func textHasTableChartAndVerdict() {
        let output = Commands.plan(PlanCommandOptions(model: Self.fixture, target: "rp2040"))
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("step  op  type"))
        #expect(output.stdout.contains("one column ="))
        #expect(output.stdout.contains("lower bound:"))
        #expect(output.stdout.contains("fits rp2040: SRAM"))
    }

    @Test func optionsChangeThePlan() throws {
        let greedy = try Self.json(Commands.plan(PlanCommandOptions(model: Self.fixture, planner: PlannerChoice(rawValue: "greedy-by-size")!,
                                                                    json: true)))
        #expect(greedy["planner"] as? String == "greedy-by-size")
        #expect((greedy["candidates"] as? [Any])?.count == 1)
        let inside = try Self.json(Commands.plan(PlanCommandOptions(model: Self.fixture, json: true)))
        let outside = try Self.json(Commands.plan(PlanCommandOptions(model: Self.fixture, json: true, externalIO: true)))
        #expect(outside["external_io"] as? Bool == true)
        #expect((outside["arena_bytes"] as! Int) <= (inside["arena_bytes"] as! Int))
        let tiny = try Self.json(Commands.plan(PlanCommandOptions(model: Self.fixture, target: "stm32f412", json: true, sram: "17K")))
        #expect(tiny["fits"] as? Bool == false)
    }

    @Test(arguments: [
        PlanCommandOptions(model: "x.tflite", target: "esp32"),
        PlanCommandOptions(model: "x.tflite", sram: "lots"),
    ])
    func badOptionsAreUsageErrors(_ options: PlanCommandOptions) {
        let output = Commands.plan(options)
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("error: ") && output.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func plannerChoicesAreBestThenEveryPlanner() {
        let names = PlannerChoice.allCases.map(\.rawValue)
        #expect(names.first == "best" && names.contains("greedy-by-size") && Set(names).count == names.count)
        for choice in PlannerChoice.allCases { #expect(PlannerChoice(rawValue: choice.rawValue) == choice) }
        #expect(PlannerChoice(rawValue: "fastest") == nil)
        #expect(PlannerChoice.best.planner == nil)
    }

    @Test func missingModelIsOneErrorLine() {
        let output = Commands.plan(PlanCommandOptions(model: "/nonexistent/m.tflite"))
        #expect(output.exitCode == 1 && output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("error: /nonexistent/m.tflite: "))
    }

    @Test func unsupportedModelIsRefusedInOneLine() {
        let output = Commands.plan(PlanCommandOptions(model: ModelCorpus.refusedFixturePath))
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("UNIDIRECTIONAL_SEQUENCE_LSTM") && output.stderr.contains("op "))
        #expect(output.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func svgIsWellFormedWithOneRectanglePerBuffer() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-plan-\(getpid()).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Commands.plan(PlanCommandOptions(model: Self.fixture, json: true, svgPath: path, sram: "40K"))
        #expect(output.exitCode == 0)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        let buffers = (try Self.json(output)["buffers"] as! [[String: Any]]).filter { $0["kind"] as? String != "view" }
        #expect(svg.components(separatedBy: "<rect class=\"buffer ").count - 1 == buffers.count)
        #expect(svg.contains("arena ") && svg.contains("SRAM budget"))
    }
}
