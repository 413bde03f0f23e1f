import Driver
import Foundation
import Simulator
import Testing
import TestSupport

/// The emitted C of every supported shared model and of the example, built with
/// -fsanitize=address,undefined, runs clean with the arena in its own allocation of exactly the
/// planned size (any byte outside it is an AddressSanitizer error, any overflow a UBSan error).
@Suite struct SanitizerTests {
    static var models: [String] {
        HostTesting.supportedSharedModels.map { SharedModels.path($0) }
            + [SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path]
    }

    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"), arguments: models)
    func addressAndUndefinedBehaviourSanitizers(_ path: String) throws {
        let graph = try HostTesting.load(path)
        let planned = try Pipeline.plan(graph)
        let sources = try Pipeline.generate(planned, modelPath: path, prefix: nil)
        let directory = HostTesting.scratch("asan-\(sources.prefix)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let build = try HostBuild.make(sources, in: directory,
                                       options: HostBuildOptions(compiler: "gcc", optimization: "-O1", sanitize: true))
        let inputs = Array(HostTesting.inputs(for: graph).prefix(2))
        let run = try build.run(inputs, trace: false, exactArena: true)
        #expect(run.status == 0)
        #expect(run.outputs.count == inputs.count)
    }
}
