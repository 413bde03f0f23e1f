import Driver
import Foundation
import Testing
import TestSupport

/// `plan`, `fit` and `compile` say what SRAM the firmware needs in each I/O mode: by default the
/// inputs and outputs live in the arena (zero-copy accessors) and the need is arena + static;
/// passing the application's own buffers to `_invoke` adds them; with `--external-io` they are
/// always counted.
@Suite struct ZeroCopySRAMTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func json(_ output: CommandOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func planCountsTheCallersBuffersOnlyWhenTheyExist() throws {
        let inArena = try Self.json(Commands.plan(PlanCommandOptions(model: Self.example, json: true)))
        let external = try Self.json(Commands.plan(PlanCommandOptions(model: Self.example, json: true, externalIO: true)))
        let io = try #require(inArena["io_buffer_bytes"] as? Int)
        #expect(io == 64 + 10, "digits_cnn reads 8x8x1 int8 and writes 10 int8")
        #expect(external["io_buffer_bytes"] as? Int == io)
        for report in [inArena, external] {
            let arena = report["arena_bytes"] as! Int, statics = report["static_bytes"] as! Int
            let isExternal = report["external_io"] as! Bool
            #expect(report["peak_sram_bytes"] as? Int == arena + statics + (isExternal ? io : 0))
            #expect(report["sram_with_own_io_buffers_bytes"] as? Int == arena + statics + io)
        }
    }

    @Test func fitSaysWhatItCounts() throws {
        let inArena = Commands.fit(FitCommandOptions(model: Self.example))
        #expect(inArena.stdout.contains("inputs and outputs live in the arena") && inArena.stdout.contains("74 bytes more"))
        let external = Commands.fit(FitCommandOptions(model: Self.example, externalIO: true, json: true))
        let report = try Self.json(external)
        let plan = try Self.json(Commands.plan(PlanCommandOptions(model: Self.example, json: true, externalIO: true)))
        let verdict = try #require((report["targets"] as? [[String: Any]])?.first)
        #expect(report["external_io"] as? Bool == true && report["io_buffer_bytes"] as? Int == 74)
        let parts = try #require(verdict["sram_bytes"] as? [String: Any])
        #expect(parts["arena"] as? Int == plan["arena_bytes"] as? Int && parts["io_buffers"] as? Int == 74)
        #expect(verdict["sram_used_bytes"] as? Int == parts["total"] as? Int)
    }

    @Test func planAndCompileTextNameBothWays() throws {
        let plan = Commands.plan(PlanCommandOptions(model: Self.example)).stdout
        #expect(plan.contains("SRAM the firmware needs: 1,096 bytes") && plan.contains("1,170 bytes if it passes its own buffers"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-zero-copy-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let compile = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: directory))
        #expect(compile.exitCode == 0, "\(compile.stderr)")
        #expect(compile.stdout.contains("digits_cnn_input(arena, i)") && compile.stdout.contains("digits_cnn_run(arena)"))
        #expect(compile.stdout.contains("SRAM the firmware needs: 1,096 bytes"))
        let header = try String(contentsOfFile: directory + "/digits_cnn.h", encoding: .utf8)
        for declaration in ["void *digits_cnn_input(uint8_t *arena, int index);",
                            "const void *digits_cnn_output(const uint8_t *arena, int index);",
                            "int digits_cnn_run(uint8_t *arena);", "#define DIGITS_CNN_INPUT0_OFFSET ",
                            "#define DIGITS_CNN_OUTPUT0_OFFSET "] {
            #expect(header.contains(declaration), "\(declaration)")
        }
        let external = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: directory + "/x",
                                                              externalIO: true))
        #expect(external.stdout.contains("your input and output buffers 74"))
        let externalHeader = try String(contentsOfFile: directory + "/x/digits_cnn.h", encoding: .utf8)
        #expect(!externalHeader.contains("digits_cnn_run") && !externalHeader.contains("_OFFSET"))
    }
}
