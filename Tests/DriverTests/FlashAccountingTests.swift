import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `plan`, `fit` and `compile` accept and reject the same models and count the same Flash, run as
/// the commands, on every model file the repository and ../shared/models hold (supported or not),
/// for an M4 and an M55 board: `plan --json`'s `flash_bytes.weights` is the constant bytes
/// `compile` reports (and checks against the tables it wrote), its `code` the estimate `compile`
/// prints, their sum `fit`'s Flash; a rejected model gets the same error line from all three.
@Suite struct FlashAccountingTests {
    struct Flash: Decodable {
        var weights: Int
        var code: Int
        var constants: Int?
        var exact: Bool?
        var weight_tensors: Int
        var biases: Int
        var requantization: Int
        var index_tables: Int
    }

    struct PlanReport: Decodable {
        struct SRAM: Decodable { var total: Int; var exact: Bool }
        struct Patch: Decodable { var applied: Bool }
        var flash_bytes: Flash
        var sram_bytes: SRAM?
        var patch: Patch?
    }
    struct FitReport: Decodable {
        struct Verdict: Decodable { var flash_used_bytes: Int; var sram_used_bytes: Int? }
        var targets: [Verdict]
    }

    /// `constants 1,184 bytes; code about 5,000 bytes` of `compile`'s summary, as numbers.
    static func compileFlash(_ summary: String) -> (constants: Int, code: Int)? {
        let pattern = #/constants ([0-9,]+) bytes; code about ([0-9,]+) bytes/#
        guard let match = summary.firstMatch(of: pattern) else { return nil }
        let number = { (text: Substring) in Int(text.replacingOccurrences(of: ",", with: "")) }
        guard let constants = number(match.1), let code = number(match.2) else { return nil }
        return (constants, code)
    }

    @Test(arguments: ["nucleo-l4r5zi", "corstone300"])
    func planFitAndCompileAgree(target: String) throws {
        let paths = ModelCorpus.allPaths
        #expect(paths.count >= 450)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-flash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var accepted = 0
        for path in paths {
            // The estimate on every file (an ELF build of each would take an hour); `measuredAgree` checks the ELF path.
            let plan = Commands.plan(PlanCommandOptions(model: path, target: target, json: true, memory: .estimate))
            let fit = Commands.fit(FitCommandOptions(model: path, target: target, json: true, memory: .estimate))
            let compile = Commands.compile(CompileCommandOptions(model: path, target: target, outputDirectory: out,
                                                                 memory: .estimate))
            guard plan.exitCode == 0 else {
                #expect(plan.exitCode == 1 && plan.stderr.hasPrefix("error: "), "\(path): \(plan.stderr)")
                #expect(fit.exitCode == plan.exitCode && fit.stderr == plan.stderr, "\(path): fit \(fit.stderr)")
                #expect(compile.exitCode == plan.exitCode && compile.stderr == plan.stderr, "\(path): compile \(compile.stderr)")
                continue
            }
            accepted += 1
            #expect(compile.exitCode == 0, "\(path): plan accepts, compile says \(compile.stderr)")
            #expect(fit.exitCode == 0 || fit.stderr.hasSuffix(": does not fit \(target)\n"), "\(path): \(fit.stderr)")
            let flash = try JSONDecoder().decode(PlanReport.self, from: Data(plan.stdout.utf8)).flash_bytes
            let used = try JSONDecoder().decode(FitReport.self, from: Data(fit.stdout.utf8)).targets.first?.flash_used_bytes
            let compiled = try #require(Self.compileFlash(compile.stdout), "\(path): \(compile.stdout)")
            #expect(flash.weights == compiled.constants, "\(path)")
            #expect(flash.code == compiled.code, "\(path)")
            #expect(used == flash.weights + flash.code, "\(path)")
            #expect(flash.weights == flash.weight_tensors + flash.biases + flash.requantization + flash.index_tables)
        }
        #expect(accepted >= 250)
        #expect(accepted < paths.count, "the pending fixtures are rejected")
    }

    /// With the cross toolchain, the three commands read the same ELF: plan's constants and code
    /// are compile's (`from the ELF`) and fit's Flash their sum, on the example (DSP kernels on the
    /// M4) and two shared models with other kernels.
    @Test(.enabled(if: QemuTools.installed && SharedModels.available, "arm-none-eabi-gcc or the shared models missing"),
          arguments: ["Examples/digits_cnn/digits_cnn.tflite", "mlperf_ad_fc_autoencoder.tflite", "mlperf_kws_dscnn.tflite"])
    func measuredAgree(_ name: String) throws {
        let path = name.hasPrefix("Examples/") ? SharedModels.repositoryRoot.appendingPathComponent(name).path
            : SharedModels.path(name)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-elf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let plan = Commands.plan(PlanCommandOptions(model: path, json: true))
        let fit = Commands.fit(FitCommandOptions(model: path, json: true))
        let compile = Commands.compile(CompileCommandOptions(model: path, outputDirectory: out))
        let flash = try JSONDecoder().decode(PlanReport.self, from: Data(plan.stdout.utf8)).flash_bytes
        #expect(flash.exact == true)
        let elf = try #require(compile.stdout.firstMatch(of: #/constants ([0-9,]+) bytes; code ([0-9,]+) bytes \(from the ELF/#))
        let number = { (text: Substring) in Int(text.replacingOccurrences(of: ",", with: "")) }
        #expect(flash.constants == number(elf.1) && flash.code == number(elf.2), "\(compile.stdout)")
        let used = try JSONDecoder().decode(FitReport.self, from: Data(fit.stdout.utf8)).targets.first?.flash_used_bytes
        #expect(used == (flash.constants ?? 0) + flash.code)
    }

    /// A patch stage is measured from the ELF like any plan (its patch kernels and, when streamed,
    /// the call of `<prefix>_read_input`): plan, compile and fit agree on Flash and SRAM.
    @Test(.enabled(if: QemuTools.installed && SharedModels.available, "arm-none-eabi-gcc or the shared models missing"),
          arguments: [false, true])
    func measuredAgreeWithAPatchStage(streaming: Bool) throws {
        let path = SharedModels.path("tflm_person_detect.tflite")
        let patching = PatchingOptions(patch: .auto, inputStreaming: streaming)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-elf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let plan = Commands.plan(PlanCommandOptions(model: path, json: true, io: .int8, patching: patching))
        let fit = Commands.fit(FitCommandOptions(model: path, json: true, io: .int8, patching: patching))
        let compile = Commands.compile(CompileCommandOptions(model: path, outputDirectory: out, io: .int8, patching: patching))
        let report = try JSONDecoder().decode(PlanReport.self, from: Data(plan.stdout.utf8))
        #expect(report.patch?.applied == true, "\(plan.stdout.prefix(300))")
        #expect(report.flash_bytes.exact == true && report.sram_bytes?.exact == true)
        let elf = try #require(compile.stdout.firstMatch(of: #/constants ([0-9,]+) bytes; code ([0-9,]+) bytes \(from the ELF/#))
        let number = { (text: Substring) in Int(text.replacingOccurrences(of: ",", with: "")) }
        #expect(report.flash_bytes.constants == number(elf.1) && report.flash_bytes.code == number(elf.2), "\(compile.stdout)")
        let used = try JSONDecoder().decode(FitReport.self, from: Data(fit.stdout.utf8)).targets.first
        #expect(used?.flash_used_bytes == (report.flash_bytes.constants ?? 0) + report.flash_bytes.code)
        #expect(used?.sram_used_bytes != nil && used?.sram_used_bytes == report.sram_bytes?.total)
    }

    /// The fixture the issue found: its resize index tables are constants too.
    @Test func resizeIndexTablesAreCounted() throws {
        let path = ModelCorpus.fixturePaths.first { $0.hasSuffix("resize_nearest_neighbor_000_x2_default.tflite") }
        let output = Commands.plan(PlanCommandOptions(model: try #require(path), json: true))
        let flash = try JSONDecoder().decode(PlanReport.self, from: Data(output.stdout.utf8)).flash_bytes
        #expect(flash.index_tables > 0)
        #expect(flash.weights == flash.index_tables)
    }

    /// int4-packed filters stay packed: `plan` counts (n + 1) / 2 weight bytes for a filter of n
    /// values (the int8 form of the same model counts n: 135, 54, 9, 36, 27, 128, 45), on a portable
    /// core and on the M4 and M55 (the *_int4 kernels run on every core), and `compile` writes them.
    @Test(arguments: ["rp2040", "nucleo-l4r5zi", "corstone300"])
    func int4FiltersCountHalfTheBytes(target: String) throws {
        let filters = ["conv_2d_058_int4_k3_per_channel": 135, "conv_2d_059_int4_k3_s2_valid_per_tensor": 54,
                       "conv_2d_060_int4_k1_odd_count_relu": 9, "depthwise_conv_2d_024_int4_k3": 36,
                       "depthwise_conv_2d_025_int4_k3_odd_channels": 27, "fully_connected_012_int4_16to8": 128,
                       "fully_connected_013_int4_odd_15to3": 45]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-int4-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        for (name, count) in filters {
            let path = ModelCorpus.fixturePaths.first { $0.hasSuffix("/\(name).tflite") }
            let model = try #require(path, "\(name) missing from Tests/Fixtures/ops")
            let plan = Commands.plan(PlanCommandOptions(model: model, target: target, json: true, memory: .estimate))
            try #require(plan.exitCode == 0, "\(name): \(plan.stderr)")
            let flash = try JSONDecoder().decode(PlanReport.self, from: Data(plan.stdout.utf8)).flash_bytes
            #expect(flash.weight_tensors == (count + 1) / 2, "\(name) on \(target)")
            let compile = Commands.compile(CompileCommandOptions(model: model, target: target, outputDirectory: out,
                                                                 memory: .estimate))
            #expect(Self.compileFlash(compile.stdout)?.constants == flash.weights, "\(name): \(compile.stdout)")
        }
    }
}
