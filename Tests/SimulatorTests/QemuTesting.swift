import CodeGen
import Driver
import Foundation
import IR
import Reference
import Simulator
import TestSupport

/// Shared machinery of the qemu engine's tests: the runtime kernels compiled once per core,
/// models planned, generated, built for a core and simulated under QEMU.
enum QemuTesting {
    /// True when arm-none-eabi-gcc, newlib, QEMU and a host cc are installed.
    static let available = CrossToolchain.isAvailable(qemu: true)

    static func options(_ core: CortexMCore) -> QemuBuildOptions {
        QemuBuildOptions(platform: QemuPlatform(core: core), timeout: 300)
    }

    /// The kernels built once per core for the whole test process.
    static let runtimes: [CortexMCore: Result<QemuRuntime, CompileError>] = Dictionary(uniqueKeysWithValues:
        CortexMCore.allCases.map { core in
            (core, Result { () throws(CompileError) in
                try QemuRuntime.make(in: HostTesting.scratch("qemu-runtime-\(core.rawValue)"), options: options(core))
            })
        })

    /// Plans that take every fast kernel variant the core offers (`--prefer speed`): the kernel
    /// tests check the variants, whatever their scratch costs a tiny test graph.
    static let fastest = PipelineOptions(prefer: .speed)

    /// The sources of `graph` (planned with default options, or with the caller's I/O buffers).
    static func sources(_ graph: Graph, path: String, externalIO: Bool = false) throws -> GeneratedSources {
        try sources(graph, path: path, pipeline: PipelineOptions(externalIO: externalIO)).sources
    }

    /// The sources of `graph` planned with `pipeline`, and the graph it planned (after its rewrites).
    static func sources(_ graph: Graph, path: String, pipeline: PipelineOptions) throws -> (sources: GeneratedSources, graph: Graph) {
        let planned = try Pipeline.plan(graph, options: pipeline)
        return (try Pipeline.generate(planned, modelPath: path, prefix: nil), planned.graph)
    }

    /// Builds `graph` for `core` (against the shared runtime unless `ownKernels`) and simulates it
    /// under QEMU on the five standard inputs, with the reference values cached per model; `target`
    /// (its kernels: the Helium ones for corstone300) overrides the pipeline's.
    static func simulate(_ graph: Graph, path: String, core: CortexMCore, ownKernels: Bool = false,
                         pipeline: PipelineOptions = PipelineOptions(),
                         target: Target? = nil) throws -> (QemuSimulationReport, QemuBuild) {
        var pipeline = pipeline
        if let target { pipeline.target = target }
        let (sources, graph) = try sources(graph, path: path, pipeline: pipeline)
        let directory = HostTesting.scratch("qemu-\(core.rawValue)-\(sources.prefix)")
        let runtime = ownKernels ? nil : try runtimes[core]!.get()
        let build = try QemuBuild.make(sources, in: directory, options: options(core), runtime: runtime)
        let inputs = HostTesting.inputs(for: graph)
        let report = try Simulator.simulateOnQemu(
            graph: graph, build: build, inputs: inputs,
            expected: HostTesting.referenceCache.values("\(path) io=\(pipeline.io)") { inputs.map { values in
                Result { () throws(CompileError) in try Reference.run(graph, inputs: values) }
            } })
        return (report, build)
    }
}
