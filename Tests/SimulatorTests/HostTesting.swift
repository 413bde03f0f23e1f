import CodeGen
import Driver
import Foundation
import IR
import Simulator
import Testing
import TestSupport
import TFLiteFrontend
import Reference

/// Reference results by model path, computed once.
final class ReferenceCache: @unchecked Sendable {
    typealias Values = [Result<[TensorID: TensorValue], CompileError>]
    private let lock = NSLock()
    private var entries: [String: Values] = [:]

    func values(_ key: String, compute: () -> Values) -> Values {
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let computed = compute()
        lock.lock()
        entries[key] = computed
        lock.unlock()
        return computed
    }
}

/// Shared machinery of the simulator tests: runtimes compiled once per compiler, models planned,
/// generated, built and compared with the reference.
enum HostTesting {
    /// True when `name` is an executable on PATH.
    static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    static let hasGCC = onPath("gcc")
    static let hasClang = onPath("clang")

    /// A folder for one test's build, unique in this process.
    static func scratch(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-test-\(label)-\(UUID().uuidString)")
    }

    /// The runtime built once per compiler for the whole test process (-O2 -pedantic -Werror).
    static let gccRuntime: Result<HostRuntime, CompileError> = buildRuntime(HostBuildOptions(compiler: "gcc"))
    static let clangRuntime: Result<HostRuntime, CompileError> = buildRuntime(HostBuildOptions(compiler: "clang"))

    static func buildRuntime(_ options: HostBuildOptions) -> Result<HostRuntime, CompileError> {
        Result { () throws(CompileError) in try HostRuntime.make(in: scratch("runtime-\(options.compiler)"), options: options) }
    }

    static func runtime(_ compiler: String) throws -> HostRuntime {
        try (compiler == "clang" ? clangRuntime : gccRuntime).get()
    }

    static var fixtureDirectory: URL { SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops") }

    /// Every op fixture's file name.
    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".tflite") }.sorted()
    }

    static func load(_ path: String) throws -> Graph {
        try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The supported shared models (SupportCheck passes).
    static var supportedSharedModels: [String] {
        SharedModels.modelNames.filter { name in
            guard let graph = try? load(SharedModels.path(name)) else { return false }
            return SupportCheck.problems(in: graph).isEmpty
        }
    }

    /// Five input sets: three seeded full-range ones and two shaped like real data.
    static func inputs(for graph: Graph) -> [[TensorValue]] {
        (0..<3).map { RandomInputs.sets(for: graph, count: 1, seed: UInt64($0))[0] }
            + [InputGenerator.inputs(for: graph, style: .nearZeroPoint, seed: 3),
               InputGenerator.inputs(for: graph, style: .smooth, seed: 4)]
    }

    /// The reference's values for `inputs(for:)` of each model, computed once per test process
    /// (the debug-built reference is the slow part of these tests).
    static let referenceCache = ReferenceCache()

    /// Plans (with `pipeline`, whose `externalIO` `externalIO` overrides), generates, builds
    /// (against `runtime` when given) and simulates `graph`, comparing with the reference run of
    /// the graph the pipeline planned (after its rewrites).
    static func simulate(_ graph: Graph, path: String, runtime: HostRuntime?, options: HostBuildOptions = HostBuildOptions(),
                         externalIO: Bool = false, pipeline: PipelineOptions = PipelineOptions(),
                         inputs: [[TensorValue]]? = nil) throws -> SimulationReport {
        var pipeline = pipeline
        pipeline.externalIO = pipeline.externalIO || externalIO
        let planned = try Pipeline.plan(graph, options: pipeline)
        let graph = planned.graph
        let sources = try Pipeline.generate(planned, modelPath: path, prefix: nil)
        let directory = scratch(sources.prefix)
        defer { try? FileManager.default.removeItem(at: directory) }
        let build = try HostBuild.make(sources, in: directory, options: options, runtime: runtime)
        guard inputs == nil else { return try Simulator.simulate(graph: graph, build: build, inputs: inputs!) }
        let standard = Self.inputs(for: graph)
        return try Simulator.simulate(graph: graph, build: build, inputs: standard,
                                      expected: referenceCache.values("\(path) io=\(pipeline.io)") { standard.map { values in
                                          Result { () throws(CompileError) in try Reference.run(graph, inputs: values) }
                                      } })
    }

    /// Records every way `report` falls short: a mismatch, a write outside the arena, or a
    /// measured peak different from the planned arena.
    static func expectExactAndInsideArena(_ report: SimulationReport, _ label: String) {
        #expect(report.bitExact, "\(label): \(report.mismatches.first.map { "\($0)" } ?? "")")
        #expect(report.arenaGuardIntact, "\(label) wrote outside its arena")
        #expect(report.peakArenaBytesMeasured == report.arenaBytesPlanned,
                "\(label): measured peak \(report.peakArenaBytesMeasured) vs planned \(report.arenaBytesPlanned)")
        #expect(report.inferences >= 5 && report.tensorsCompared > 0)
    }
}
