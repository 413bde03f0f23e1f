import Driver
import Foundation
import Testing
import TestSupport

/// `mcuc report` in a real browser: headless Chromium loads the page with networking cut off,
/// reports no console message or failed load, has the chart and the tables in its DOM, and
/// renders a screenshot.
@Suite struct ReportBrowserTests {
    /// A shared model when the folder is present, else the bundled example.
    static var model: String {
        SharedModels.available ? SharedModels.path("mlperf_vww_mbv1_96.tflite")
            : SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func browser() throws -> HeadlessBrowser {
        try #require(HeadlessBrowser.find(), "no headless Chromium on PATH: run scripts/install-deps.sh")
    }

    @Test func reportLoadsCleanlyWithChartAndTables() throws {
        let browser = try Self.browser()
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html")
        let output = Commands.report(ReportCommandOptions(model: Self.model, outputPath: html.path))
        try #require(output.exitCode == 0, "\(output.stderr)")

        let dom = try browser.dumpDOM(html)
        #expect(dom.status == 0, "\(dom.stderr.suffix(2000))")
        #expect(dom.pageProblems.isEmpty, "\(dom.pageProblems)")
        let plan = try JSONSerialization.jsonObject(
            with: Data(Commands.plan(PlanCommandOptions(model: Self.model, json: true)).stdout.utf8)) as! [String: Any]
        let buffers = (plan["buffers"] as! [[String: Any]]).filter { $0["kind"] as? String != "view" }
        let steps = plan["steps"] as! [Any]
        #expect(dom.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"memory-chart\""))
        #expect(dom.stdout.components(separatedBy: "<rect class=\"buffer ").count - 1 == buffers.count)
        let layers = try #require(ReportCommandTests.element("table id=\"layer-table\"", in: dom.stdout))
        #expect(layers.components(separatedBy: "<tr").count - 1 == steps.count + 2)
        for target in TargetCatalog.builtin { #expect(dom.stdout.contains("<td>\(target.name)</td>")) }

        let png = dir.appendingPathComponent("report.png")
        let shot = try browser.screenshot(html, to: png, width: 1280, height: 2400)
        #expect(shot.status == 0 && shot.pageProblems.isEmpty, "\(shot.pageProblems)")
        let bytes = try [UInt8](Data(contentsOf: png))
        try #require(bytes.count > 24 && bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        #expect(Self.bigEndian(bytes[16..<20]) == 1280 && Self.bigEndian(bytes[20..<24]) == 2400)
        #expect(bytes.count > 60_000, "a blank page compresses to a few KB; the report is \(bytes.count) bytes")
    }

    /// The same checks catch a page that logs an error or tries to load from the network.
    @Test func brokenPagesAreCaught() throws {
        let browser = try Self.browser()
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><html><body><img src=\"http://example.invalid/a.png\"><script>undefinedCall();</script></body></html>".utf8)
            .write(to: page)
        let run = try browser.dumpDOM(page)
        #expect(run.pageProblems.count >= 1, "\(run.stderr.suffix(2000))")
        #expect(run.pageProblems.contains { $0.contains("undefinedCall") })
    }

    static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
