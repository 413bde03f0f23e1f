import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `--emit-tflm-plan`: the written model imports, carries our offsets, and TFLM runs it with an
/// arena of our head plus TFLM's own overhead, producing the golden outputs.
@Suite struct TFLMPlanExportTests {
    static let pythonReady: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import tflite_micro, numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-\(getpid())-\(name)").path
    }

    @Test func writtenModelImportsAndCarriesTheOffsets() throws {
        let model = PlanCommandTests.fixture
        let out = Self.temporary("fixture.plan.tflite")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = Commands.plan(PlanCommandOptions(model: model, json: true, tflmPlanPath: out))
        #expect(output.exitCode == 0, "\(output.stderr)")
        let original = try ModelFile.load(path: model)
        let rewritten = try ModelFile.load(path: out)
        #expect(rewritten.nodes == original.nodes && rewritten.tensors == original.tensors)
        let export = try TFLMPlanExport.plan(original)
        let words = try OfflinePlanReading.words(in: try ModelFile.readBytes(path: out))
        #expect(words == [0, 0, original.tensors.count] + export.offsets)
        #expect(export.offsets.allSatisfy { $0 == -1 || $0 % 16 == 0 })
    }

    /// (model, TFLM min arena - TFLM head): the non-head bytes TFLM needs on this host.
    static let runCases = ["tflm_hello_world.tflite", "tflm_micro_speech.tflite", "mlperf_vww_mbv1_96.tflite",
                           "mlperf_ic_resnet8.tflite"]

    @Test(.enabled(if: SharedModels.available && pythonReady, "needs ../shared/models and python3 with tflite_micro"),
          arguments: runCases)
    func tflmRunsOurPlanWithinOurArena(name: String) throws {
        let out = Self.temporary(name)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let graph = try ModelFile.load(path: SharedModels.path(name))
        let export = try TFLMPlanExport.write(graph: graph, modelPath: SharedModels.path(name), to: out)
        let entry = try #require(try Self.manifestEntry(name))
        let overhead = entry.minArena - entry.head
        let result = try Self.runUnderTFLM(out, golden: name, arena: export.arenaBytes + overhead)
        #expect(result["ok"] as? Bool == true, "\(result)")
        #expect((result["head_bytes"] as? Int).map { $0 <= export.arenaBytes } == true, "\(result)")
        #expect(export.arenaBytes <= entry.head)
    }

    static func manifestEntry(_ name: String) throws -> (head: Int, minArena: Int)? {
        let url = SharedModels.directory!.appendingPathComponent("models.json")
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        guard let entry = list.first(where: { $0["file"] as? String == name }),
              let head = entry["arena_head_bytes"] as? Int, let minArena = entry["min_arena_bytes"] as? Int else { return nil }
        return (head, minArena)
    }

    static func runUnderTFLM(_ model: String, golden name: String, arena: Int) throws -> [String: Any] {
        let golden = SharedModels.directory!.appendingPathComponent("golden")
            .appendingPathComponent(name.replacingOccurrences(of: ".tflite", with: ".seed0.npz")).path
        let script = SharedModels.repositoryRoot.appendingPathComponent("scripts/tflm/run_offline_plan.py").path
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, model, "--golden", golden, "--arena-bytes", String(arena)]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

/// Reads the `OfflineMemoryAllocation` words back with a plain FlatBuffer walk (independent of
/// the writer).
enum OfflinePlanReading {
    static func words(in bytes: [UInt8]) throws -> [Int] {
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func i32(_ at: Int) -> Int { Int(Int32(truncatingIfNeeded: u32(at))) }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func field(_ table: Int, _ index: Int) -> Int? {
            let vtable = table - i32(table)
            guard 4 + 2 * index < u16(vtable) else { return nil }
            let offset = u16(vtable + 4 + 2 * index)
            return offset == 0 ? nil : table + offset
        }
        func target(_ at: Int) -> Int { at + u32(at) }
        func vector(_ at: Int) -> [Int] { (0..<u32(target(at))).map { target(target(at) + 4 + 4 * $0) } }
        let root = u32(0)
        let buffers = vector(field(root, 4)!)
        for metadata in vector(field(root, 6)!) {
            let name = target(field(metadata, 0)!)
            guard String(decoding: bytes[(name + 4)..<(name + 4 + u32(name))], as: UTF8.self) == "OfflineMemoryAllocation"
            else { continue }
            let data = target(field(buffers[u32(field(metadata, 1)!)], 0)!)
            #expect((data + 4) % 16 == 0)
            return (0..<(u32(data) / 4)).map { i32(data + 4 + 4 * $0) }
        }
        return []
    }
}
