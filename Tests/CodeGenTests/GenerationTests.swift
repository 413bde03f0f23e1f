import CodeGen
import Driver
import Foundation
import IR
import Testing
import TestSupport
import TFLiteFrontend

/// Properties of the emitted files: deterministic to the byte, model text never reaches the C
/// raw, the arena and interface follow the plan.
@Suite struct GenerationTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func generate(_ graph: Graph, path: String, prefix: String? = nil) throws -> GeneratedSources {
        try Pipeline.generate(try Pipeline.plan(graph), modelPath: path, prefix: prefix)
    }

    static func load(_ path: String) throws -> Graph {
        try TFLiteFrontend.importModel(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func emittingTwiceGivesIdenticalBytes() throws {
        var paths = [Self.example]
        if SharedModels.available { paths += ["mlperf_vww_mbv1_96.tflite", "te_mcunet_vww.tflite"].map(SharedModels.path) }
        for path in paths {
            let first = try Self.generate(try Self.load(path), path: path)
            let second = try Self.generate(try Self.load(path), path: path)
            #expect(first.files == second.files, "\(path)")
            #expect(first.harnessFiles == second.harnessFiles, "\(path)")
        }
    }

    @Test func theLibraryHasTheDocumentedFiles() throws {
        let sources = try Self.generate(try Self.load(Self.example), path: Self.example)
        let names = Set(sources.files.map(\.name))
        for expected in ["digits_cnn.h", "digits_cnn.c", "digits_cnn_weights.c", "CMakeLists.txt", "Makefile", "README.txt",
                         "mcuc_common.h", "mcuc_fixedpoint.h", "mcuc_conv2d.h", "mcuc_softmax.c",
                         // the default target is an M4: its convolutions and depthwise run the DSP variants
                         "mcuc_dsp.h", "mcuc_conv2d_dsp.c", "mcuc_depthwise_dsp.c"] {
            #expect(names.contains(expected), "\(expected) missing")
        }
        #expect(!names.contains("mcuc_transpose.c"), "only the kernels the model needs")
        let header = try #require(sources.file("digits_cnn.h")).text
        #expect(header.contains("#define DIGITS_CNN_ARENA_SIZE \(sources.arenaBytes)"))
        #expect(header.contains("int digits_cnn_invoke(const int8_t *in0, int8_t *out0, uint8_t *arena);"))
        let weights = try #require(sources.file("digits_cnn_weights.c")).text
        #expect(weights.contains("static const int8_t"))
        #expect(weights.contains("MCUC_ALIGNED(16)"))
        for file in sources.files where file.name.hasSuffix(".c") || file.name.hasSuffix(".h") {
            #expect(!file.text.contains("malloc"), "\(file.name) allocates")
            #expect(!file.text.contains("#include <stdio.h>"), "\(file.name) uses stdio")
        }
    }

    @Test func aCustomPrefixNamesEverything() throws {
        let sources = try Self.generate(try Self.load(Self.example), path: Self.example, prefix: "kws")
        #expect(sources.files.map(\.name).contains("kws_weights.c"))
        #expect(try #require(sources.file("kws.c")).text.contains("int kws_invoke("))
        #expect(throws: CompileError.self) { try Self.generate(try Self.load(Self.example), path: Self.example, prefix: "1x") }
    }

    @Test func hostileNamesEmitSafeC() throws {
        let graph = HostileGraph.make()
        #expect(SupportCheck.problems(in: graph).isEmpty)
        let sources = try Self.generate(graph, path: "/tmp/evil */ \"name\"\n#include.tflite")
        #expect(CName.isValidPrefix(sources.prefix))
        for file in sources.files + sources.harnessFiles {
            let isHarness = file.name.hasPrefix("mcuc_harness")
            for raw in ["#include <stdio.h>", "#include \"evil", "\"quoted\"", "??/", "evil(", "#define X", "é", "evil.h"]
            where !(isHarness && raw == "#include <stdio.h>") {
                #expect(!file.text.contains(raw), "\(file.name) contains raw model text '\(raw)'")
            }
            // Comments open and close in pairs: no name closed one early.
            #expect(file.text.components(separatedBy: "/*").count == file.text.components(separatedBy: "*/").count,
                    "\(file.name) has unbalanced comments")
        }
    }
}
