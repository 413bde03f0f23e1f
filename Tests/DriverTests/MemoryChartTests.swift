@testable import Driver
import Foundation
import Testing
import TestSupport

@Suite struct MemoryChartTests {
    @Test(arguments: [(37_256, 40_960, 8_192), (32, 32, 4), (33, 40, 8), (1, 1, 1), (0, 1, 1), (5, 5, 1),
                      (700_000, 786_432, 131_072)])
    func scaleTopsTheDataWithFourToEightBinaryTicks(_ value: Int, _ top: Int, _ tick: Int) {
        let scale = ChartScale(covering: value)
        #expect(scale.top == top && scale.tick == tick)
        #expect(scale.top >= max(value, 1) && scale.top - scale.tick < max(value, 1))
    }

    @Test func tickLabelsAreExactInOneUnitPerAxis() {
        #expect(ChartScale(covering: 1_100).values.map(ChartScale(covering: 1_100).label)
            == ["0", "256 B", "512 B", "768 B", "1,024 B", "1,280 B"])
        #expect(ChartScale(covering: 37_256).values.map(ChartScale(covering: 37_256).label)
            == ["0", "8 KiB", "16 KiB", "24 KiB", "32 KiB", "40 KiB"])
        let mib = ChartScale(covering: 3 << 20)
        #expect(mib.tick == 1 << 19 && mib.label(3 << 19) == "1.5 MiB" && mib.label(2 << 20) == "2 MiB")
        #expect(ChartScale(covering: 7_000).label(1_024) == "1 KiB")
    }

    @Test func labelsPackIntoTheRoomTheyHave() {
        #expect(MemoryChart.pack(["t5", "conv/Relu", "1,024 B"], chars: 30, lines: 1) == ["t5 conv/Relu 1,024 B"])
        #expect(MemoryChart.pack(["t5", "conv/Relu", "1,024 B"], chars: 12, lines: 3) == ["t5 conv/Relu", "1,024 B"])
        #expect(MemoryChart.pack(["t5", "activation_12/Relu", "1,024 B"], chars: 10, lines: 3)
            == ["t5", "activatio…", "1,024 B"])
        #expect(MemoryChart.pack(["t5", "activation_12/Relu"], chars: 10, lines: 1) == ["t5 activa…"])
        #expect(MemoryChart.pack(["t5", "x"], chars: 2, lines: 4).isEmpty)
        #expect(MemoryChart.pack(["t5", "x"], chars: 20, lines: 0).isEmpty)
    }

    @Test func shortNamesKeepTheLastTwoComponentsOfTheFirstFusedName() {
        #expect(MemoryChart.shortName("model/activation_1/Relu;model/batch_norm/FusedBatchNorm") == "activation_1/Relu")
        #expect(MemoryChart.shortName("input_1_int8") == "input_1_int8")
    }

    @Test func freePartAvoidsOverlappingBoxes() {
        let box = ChartRect(x: 0, y: 0, width: 100, height: 100)
        #expect(box.largestFreePart(avoiding: []) == box)
        #expect(box.largestFreePart(avoiding: [ChartRect(x: 0, y: 60, width: 100, height: 40)])
            == ChartRect(x: 0, y: 0, width: 100, height: 60))
        #expect(box.largestFreePart(avoiding: [ChartRect(x: 0, y: 0, width: 100, height: 100)]).area == 0)
        #expect(box.largestFreePart(avoiding: [ChartRect(x: 100, y: 0, width: 10, height: 10)]) == box)
    }

    /// On every shared model (or the example): one box per owning buffer inside the plot, box
    /// heights proportional to bytes, levels where their bytes are, no two labels over each other.
    @Test(arguments: SharedModels.available ? ["mlperf_vww_mbv1_96.tflite", "te_mcunet_vww.tflite",
                                               "mlperf_ic_resnet8.tflite", "tflm_hello_world.tflite"] : [])
    func chartGeometryIsFaithful(_ name: String) throws {
        let output = Commands.plan(PlanCommandOptions(model: SharedModels.path(name), json: true))
        let data = Data(output.stdout.utf8)
        let report = try JSONDecoder().decode(PlanJSON.self, from: data)
        let input = MemoryChart.Input(title: "t", subtitle: "s", opNames: report.steps.map(\.op_name),
                                      buffers: report.buffers.map(\.buffer), arenaBytes: report.arena_bytes,
                                      lowerBoundBytes: report.lower_bound_bytes, budgetBytes: 622_592)
        let chart = MemoryChart(input)
        let owning = report.buffers.filter { $0.kind != "view" }
        #expect(chart.boxes.count == owning.count)
        let perByte = chart.plotHeight / Double(chart.scale.top)
        for (box, b) in zip(chart.boxes, owning) {
            let f = box.frame
            #expect(f.x >= chart.plotX - 0.01 && f.x + f.width <= chart.plotX + chart.plotWidth + 0.01)
            #expect(f.y >= chart.plotY - 0.01 && f.y + f.height <= chart.plotY + chart.plotHeight + 0.01)
            #expect(abs(f.height - max(Double(b.bytes) * perByte, 1)) < 0.01)
            #expect(abs(f.y + f.height - chart.y(Double(b.offset))) < 0.01)
        }
        let extents = chart.boxes.filter { !$0.lines.isEmpty }.map(\.textExtent)
        for (i, a) in extents.enumerated() { for b in extents[(i + 1)...] { #expect(!a.overlaps(b)) } }
        #expect(chart.levels.first?.kind == .arena && abs(chart.levels[0].y - chart.y(Double(report.arena_bytes))) < 0.01)
        #expect(chart.scale.top >= report.arena_bytes)
        #expect(chart.stepLabels.count == report.steps.count || chart.columnWidth < 13)
    }

    struct PlanJSON: Decodable {
        struct Step: Decodable { var op_name: String }
        struct Buffer: Decodable {
            var tensor: Int, name: String, kind: String, offset: Int, bytes: Int, first_step: Int, last_step: Int
            var buffer: PlanReport.Buffer {
                PlanReport.Buffer(tensor: tensor, name: name, kind: kind, offset: offset, bytes: bytes,
                                  first_step: first_step, last_step: last_step, shares_with: nil)
            }
        }
        var steps: [Step]
        var buffers: [Buffer]
        var arena_bytes: Int
        var lower_bound_bytes: Int
    }
}
