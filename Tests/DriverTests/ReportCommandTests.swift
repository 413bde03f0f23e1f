import Driver
import Foundation
import Testing
import TestSupport

@Suite struct ReportCommandTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-report-\(getpid())-\(name)").path
    }

    @Test func writesOneSelfContainedPage() throws {
        let path = Self.temporaryFile("page.html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Commands.report(ReportCommandOptions(model: Self.example, outputPath: path))
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("wrote ") && output.stdout.contains("fits nucleo-l4r5zi"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for id in ["summary", "io", "memory", "layers", "optypes", "fit"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"memory-chart\""))
        for target in TargetCatalog.builtin { #expect(html.contains("<td>\(target.name)</td>"), "\(target.name)") }
        for loads in ["<script", "<link", "src=", "url(http", "@import", "href=\"http"] {
            #expect(!html.contains(loads), "the page must load nothing: found \(loads)")
        }
    }

    @Test func sameModelSameBytes() throws {
        let a = Self.temporaryFile("a.html"), b = Self.temporaryFile("b.html")
        defer { for p in [a, b] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(Commands.report(ReportCommandOptions(model: Self.example, outputPath: a)).exitCode == 0)
        #expect(Commands.report(ReportCommandOptions(model: Self.example, outputPath: b)).exitCode == 0)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    @Test func layerTableHasOneRowPerStepAndATotal() throws {
        let path = Self.temporaryFile("layers.html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Commands.report(ReportCommandOptions(model: Self.example, outputPath: path, target: "rp2040")).exitCode == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let plan = Commands.plan(PlanCommandOptions(model: Self.example, json: true))
        let steps = try #require((try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])?["steps"] as? [Any])
        let table = try #require(Self.element("table id=\"layer-table\"", in: html))
        #expect(table.components(separatedBy: "<tr").count - 1 == steps.count + 2)
        #expect(html.contains("<tr class=\"chosen\"><td>rp2040</td>"))
    }

    @Test func verdictAndBudgetFollowTheTarget() throws {
        let path = Self.temporaryFile("tiny.html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Commands.report(ReportCommandOptions(model: Self.example, outputPath: path, target: "stm32f412",
                                                          sram: "17K"))
        #expect(output.exitCode == 0, "a report is written whether or not the model fits")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("SRAM budget 1,024 B"))
        #expect(html.contains("does not fit"))
    }

    @Test func badOptionsAndModelsWriteNothing() {
        let path = Self.temporaryFile("never.html")
        let usage = Commands.report(ReportCommandOptions(model: Self.example, outputPath: path, target: "esp32"))
        #expect(usage.exitCode == 2 && usage.stderr.hasPrefix("error: "))
        let missing = Commands.report(ReportCommandOptions(model: "/nonexistent/m.tflite", outputPath: path))
        #expect(missing.exitCode == 1 && missing.stderr.hasPrefix("error: /nonexistent/m.tflite: "))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// `--on qemu` fills the instructions column with the counts `simulate --on qemu` gives for the
    /// same seeded input, step by step, and the total row sums them.
    @Test(.enabled(if: QemuTools.installed, "arm-none-eabi-gcc or qemu-system-arm not installed"))
    func qemuFillsTheInstructionsColumn() throws {
        let path = Self.temporaryFile("qemu.html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Commands.report(ReportCommandOptions(model: Self.example, outputPath: path, platform: .qemu, core: .m4))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let simulated = Commands.simulate(SimulateCommandOptions(model: Self.example, inputs: 1, json: true, platform: .qemu,
                                                                 core: .m4))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(simulated.stdout.utf8)) as? [String: Any])
        let counts = try #require((json["layers"] as? [[String: Any]])?.compactMap { $0["instructions"] as? Int })
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let table = try #require(Self.element("table id=\"layer-table\"", in: html))
        let rows = table.components(separatedBy: "<tr").dropFirst(2)  // before the table, the header
        #expect(rows.count == counts.count + 1 && counts.reduce(0, +) > 0)
        for (row, count) in zip(rows, counts + [counts.reduce(0, +)]) {
            #expect(row.contains("<td class=\"num\">\(Grouped.text(count))</td></tr>"), "\(row)")
        }
        #expect(html.contains("counted on Cortex-M4 on mps2-an386, -mcpu=cortex-m4 under QEMU"))
        let usage = Commands.report(ReportCommandOptions(model: Self.example, outputPath: path, core: .m4))
        #expect(usage.exitCode == 2 && usage.stderr == "error: --core needs --on qemu\n")
    }

    @Test func untrustedTextIsEscaped() {
        let page = Markup.el("p", [("title", "a\"b<c>")], text: "<script>x & y</script>\n")
        #expect(page.render(html: true) == "<p title=\"a&quot;b&lt;c&gt;\">&lt;script&gt;x &amp; y&lt;/script&gt;\\n</p>")
        #expect(Markup.el("meta", [("charset", "utf-8")]).render(html: true) == "<meta charset=\"utf-8\">")
        #expect(Markup.el("rect", [("x", "1")]).render() == "<rect x=\"1\"/>")
    }

    /// The text of the first `<tag ...>...</tag>` whose opening starts with `opening`.
    static func element(_ opening: String, in html: String) -> String? {
        guard let start = html.range(of: "<" + opening) else { return nil }
        let tag = String(opening.prefix { $0 != " " })
        guard let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
