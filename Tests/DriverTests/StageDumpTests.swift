import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `--dump-after STAGE` on `mcuc plan` and `mcuc compile`: the text of every stage's value for the
/// bundled example, compared with goldens in `Goldens/` (re-record with `RECORD_SNAPSHOTS=1`).
@Suite struct StageDumpTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    /// The command that runs `stage`: `plan` for the planning stages, `compile` for `codegen`.
    static func dump(_ stage: PipelineStage, model: String = example) -> CommandOutput {
        stage == .codegen ? Commands.compile(CompileCommandOptions(model: model, dumpAfter: stage))
            : Commands.plan(PlanCommandOptions(model: model, dumpAfter: stage))
    }

    @Test(arguments: PipelineStage.allCases)
    func exampleMatchesItsGolden(_ stage: PipelineStage) {
        let output = Self.dump(stage)
        #expect(output.exitCode == 0 && output.stderr.isEmpty, "\(output.stderr)")
        let mismatch = Snapshot.mismatch(output.stdout, golden: "digits_cnn.\(stage).txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: PipelineStage.allCases)
    func sameInputSameText(_ stage: PipelineStage) {
        let first = Self.dump(stage), second = Self.dump(stage)
        #expect(first.exitCode == 0 && !first.stdout.isEmpty && first.stdout.hasSuffix("\n"))
        #expect(first == second)
    }

    @Test(arguments: PipelineStage.planning)
    func planAndCompileStopAtTheSameValue(_ stage: PipelineStage) {
        let compiled = Commands.compile(CompileCommandOptions(model: Self.example, dumpAfter: stage))
        #expect(compiled == Self.dump(stage))
    }

    @Test func theDumpReplacesTheReport() {
        let plan = Self.dump(.memory).stdout
        #expect(plan.hasPrefix("memory arena=") && !plan.contains("lower bound:") && !plan.contains("fits "))
        let compile = Self.dump(.codegen).stdout
        #expect(compile.hasPrefix("sources prefix=digits_cnn ") && !compile.contains("wrote "))
        #expect(compile.contains("\nfile digits_cnn.c bytes="))
    }

    @Test func frontendPrintsAModelMcucCannotCompile() {
        let model = ModelCorpus.refusedFixturePath
        let frontend = Self.dump(.frontend, model: model)
        #expect(frontend.exitCode == 0, "\(frontend.stderr)")
        #expect(frontend.stdout.contains(" UNIDIRECTIONAL_SEQUENCE_LSTM("))
        let schedule = Self.dump(.schedule, model: model)
        #expect(schedule.exitCode == 1 && schedule.stdout.isEmpty)
        #expect(schedule.stderr.contains("op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM)"))
    }

    @Test func stageNamesParseOrListTheValidOnes() throws {
        #expect(try PipelineStage.named("memory") == .memory)
        #expect(PipelineStage.allCases.map(\.rawValue) == ["frontend", "passes", "schedule", "lowering", "memory", "codegen"])
        #expect(throws: UsageError("unknown stage 'bogus'; expected one of frontend, passes, schedule, lowering, memory")) {
            try PipelineStage.named("bogus", allowed: PipelineStage.planning)
        }
        #expect(throws: UsageError("this command does not run the codegen stage; expected one of frontend, "
            + "passes, schedule, lowering, memory")) {
            try PipelineStage.named("codegen", allowed: PipelineStage.planning)
        }
    }

    @Test func impossibleRequestsAreUsageErrors() {
        let codegen = Commands.plan(PlanCommandOptions(model: Self.example, dumpAfter: .codegen))
        #expect(codegen.exitCode == 2 && codegen.stdout.isEmpty)
        #expect(codegen.stderr == "error: --dump-after: this command does not run the codegen stage; expected one of "
            + "frontend, passes, schedule, lowering, memory\n")
        let json = Commands.plan(PlanCommandOptions(model: Self.example, json: true, svgPath: "/tmp/never.svg",
                                                    dumpAfter: .memory))
        #expect(json.exitCode == 2 && json.stderr.contains("drop --json, --svg\n"))
        let output = Commands.compile(CompileCommandOptions(model: Self.example, outputDirectory: "/nonexistent/never",
                                                            dumpAfter: .codegen))
        #expect(output.exitCode == 2 && output.stderr.contains("drop -o\n"))
    }

    @Test func modelNamesAreEscapedOnOneLine() throws {
        var b = GraphBuilder()
        let x = b.input([1, 4])
        let y = b.op(.relu(Relu()), [x], [1, 4])
        var graph = b.build(outputs: [y])
        graph.tensors[y.index].name = "evil\nname\t\"#"
        guard case .stopped(_, let text) = try Pipeline.plan(graph, options: PipelineOptions(),
                                                             stoppingAfter: .memory) else {
            Issue.record("the pipeline did not stop after memory")
            return
        }
        #expect(text.contains("\"evil\\nname\\t\"#\"\n"))
        #expect(!text.contains("evil\nname"))
    }
}

/// The installed `mcuc`: `--dump-after` parsing and output across separate processes (each with its
/// own hash seed, so any order taken from a `Dictionary` or `Set` would show).
@Suite(.enabled(if: InstalledBinaryTests.builtBinary != nil, "the mcuc executable is not built next to the tests"))
struct StageDumpCommandLineTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(InstalledBinaryTests.builtBinary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test(arguments: PipelineStage.allCases)
    func everyProcessPrintsTheSameText(_ stage: PipelineStage) throws {
        let command = stage == .codegen ? "compile" : "plan"
        let first = try Self.run([command, StageDumpTests.example, "--dump-after", stage.rawValue])
        let second = try Self.run([command, StageDumpTests.example, "--dump-after", stage.rawValue])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout == StageDumpTests.dump(stage).stdout)
    }

    @Test func unknownStagesAreUsageErrorsListingTheValidOnes() throws {
        let plan = try Self.run(["plan", StageDumpTests.example, "--dump-after", "bogus"])
        #expect(plan.status == 2 && plan.stdout.isEmpty)
        #expect(plan.stderr.contains("unknown stage 'bogus'; expected one of frontend, passes, schedule, lowering, memory\n"))
        let codegen = try Self.run(["plan", StageDumpTests.example, "--dump-after", "codegen"])
        #expect(codegen.status == 2 && codegen.stderr.contains("does not run the codegen stage"))
        let compile = try Self.run(["compile", StageDumpTests.example, "--dump-after", "Memory"])
        #expect(compile.status == 2)
        #expect(compile.stderr.contains("expected one of frontend, passes, schedule, lowering, memory, codegen\n"))
    }
}
