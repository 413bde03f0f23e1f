import CodeGen
import Driver
import Foundation
import IR
import Reference
import Testing
import TestSupport

/// Models with state (UNIDIRECTIONAL_SEQUENCE_LSTM's hidden and cell state, SVDF's activation
/// state) run as a sequence in the emitted C (`Firmware/sequence_main.c`): after `net_reset()`,
/// three inferences on one input, each starting from the state the previous one left, equal the
/// reference run three times with its state carried over; `net_reset()` starts again from TFLM's
/// reset state. Built with gcc and clang (-Wall -Wextra -Werror).
@Suite struct StatefulModelTests {
    static var mainFile: String {
        SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/sequence_main.c").path
    }

    /// The int8 LSTM and the SVDF fixtures and, with the shared models, both LSTM networks.
    static var models: [String] {
        var paths = ModelCorpus.fixturePaths.filter { $0.contains("/unidirectional_sequence_lstm_") || $0.contains("/svdf_") }
        if SharedModels.available {
            paths += ["tflm_mnist_lstm.tflite", "tflm_micro_speech_lstm.tflite"].map(SharedModels.path)
        }
        return paths
    }

    static let invokes = 3

    @Test(arguments: models)
    func consecutiveInferencesCarryTheStateAndResetRestartsIt(_ path: String) throws {
        #expect(try Self.compilers().count >= 1)
        let (planned, sources, directory) = try ZeroCopyFirmwareTests.compile(path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(planned.memory.stateBytes > 0)
        let header = try #require(sources.files.first { $0.name == "net.h" }?.text)
        #expect(header.contains("#define NET_STATE_SIZE \(planned.memory.stateBytes)"))
        #expect(header.contains("void net_reset(void);"))
        let values = try #require(HostTesting.inputs(for: planned.graph).first)
        var expected: [UInt8] = []
        var state: [TensorID: TensorValue]? = nil
        for _ in 0..<Self.invokes {
            let run = try Reference.run(planned.graph, inputs: values, state: state)
            expected += planned.graph.outputs.flatMap { run[$0]!.bytes }
            state = Reference.state(of: planned.graph, in: run)
        }
        expected += expected.prefix(planned.graph.outputs.reduce(0) { $0 + (planned.graph[$1].byteCount ?? 0) })
        let stdin = Data(values.flatMap(\.bytes))
        let defines = ZeroCopyFirmwareTests.sizeDefines(sources) + ["-DIN_TOTAL=\(stdin.count)", "-DINVOKES=\(Self.invokes)"]
        for compiler in try Self.compilers() {
            let flags = ["-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-I", "."] + defines
            let build = try ZeroCopyFirmwareTests.run(compiler, flags + [Self.mainFile] + sources.librarySources
                                                      + ["-o", "sequence", "-lm"], in: directory)
            try #require(build.status == 0, "\(compiler): \(build.stderr)")
            let result = try ZeroCopyFirmwareTests.run("./sequence", [], in: directory, stdin: stdin)
            #expect(result.status == 0, "\(compiler): \(result.stderr)")
            #expect([UInt8](result.stdout) == expected, "\(compiler) on \(path) differs from the reference sequence")
        }
    }

    static func compilers() throws -> [String] {
        [HostTesting.hasGCC ? "gcc" : nil, HostTesting.hasClang ? "clang" : nil].compactMap { $0 }
    }
}
