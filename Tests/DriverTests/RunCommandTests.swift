import Driver
import Foundation
import IR
import Testing
import TestSupport

/// `mcuc run --engine reference` end to end on the bundled example and a shared model.
@Suite struct RunCommandTests {
    static var example: String {
        SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func classifiesTheSampleDigitAsZero() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        let output = Commands.run(model: Self.example, inputs: [input], outputs: [dir + "/out.npy"],
                                  engine: .reference, dumpTensors: dir + "/dump")
        #expect(output.exitCode == 0, "\(output.stderr)")
        let array = try NumPyFormat.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out.npy"))))
        let scores = array.data.map { Int8(bitPattern: $0) }
        #expect(array.shape == [1, 10])
        #expect(scores.firstIndex(of: scores.max()!) == 0)
        let dumped = try FileManager.default.contentsOfDirectory(atPath: dir + "/dump")
        #expect(dumped.contains("t0.npy"))
        #expect(dumped.count == 11) // the input and the ten op outputs
    }

    @Test func wrongInputCountAndDtypeAreOneLineErrors() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let none = Commands.run(model: Self.example, inputs: [], outputs: [dir + "/o.npy"], engine: .reference, dumpTensors: nil)
        #expect(none.exitCode == 1)
        #expect(none.stderr.contains("1 inputs but 0"))
        let floatInput = dir + "/f.npy"
        try Data(NumPyFormat.encode(.float32(Shape([1, 8, 8, 1]), [Float](repeating: 0, count: 64)))).write(to: URL(fileURLWithPath: floatInput))
        let wrong = Commands.run(model: Self.example, inputs: [floatInput], outputs: [dir + "/o.npy"], engine: .reference, dumpTensors: nil)
        #expect(wrong.exitCode == 1)
        #expect(wrong.stderr.contains("dtype '<f4' but the model expects int8"))
        #expect(wrong.stderr.filter { $0 == "\n" }.count == 1)
    }

    /// One `.npz` may hold every input (`in0`, ...) and receive every output (`out0`, ...); the
    /// result equals the `.npy` run's.
    @Test func npzInputsAndOutputs() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sample = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        let npy = Commands.run(model: Self.example, inputs: [sample], outputs: [dir + "/o.npy"], engine: .reference,
                               dumpTensors: nil)
        #expect(npy.exitCode == 0)
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sample)))
        try Data(NpzArchive.write([(name: "in0", bytes: input)])).write(to: URL(fileURLWithPath: dir + "/in.npz"))
        let npz = Commands.run(model: Self.example, inputs: [dir + "/in.npz"], outputs: [dir + "/out.npz"],
                               engine: .reference, dumpTensors: nil)
        #expect(npz.exitCode == 0, "\(npz.stderr)")
        let members = try NpzArchive.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out.npz"))))
        #expect(Array(members.keys) == ["out0"])
        #expect(members["out0"] == [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/o.npy"))))
        let wrong = Commands.run(model: Self.example, inputs: [dir + "/out.npz"], outputs: [dir + "/x.npy"],
                                 engine: .reference, dumpTensors: nil)
        #expect(wrong.exitCode == 1 && wrong.stderr.contains("holds arrays out0; the model needs exactly in0"))
    }

    /// NumPy's own `np.savez` and `np.savez_compressed` files are read (the same outputs), and
    /// ours are read by `np.load`.
    @Test(.enabled(if: ExternalTools.onPath("python3"), "python3 not found"))
    func npzInteroperatesWithNumPy() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sample = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        let make = "import numpy as np; x = np.load('\(sample)'); np.savez('in.npz', in0=x); np.savez_compressed('z.npz', in0=x)"
        guard try ExternalTools.run("python3", ["-c", make], in: dir) == 0 else { return }  // no numpy
        let run = Commands.run(model: Self.example, inputs: [dir + "/in.npz"], outputs: [dir + "/out.npz"],
                               engine: .reference, dumpTensors: nil)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let check = "import numpy as np; o = np.load('out.npz'); assert list(o.keys()) == ['out0'] and o['out0'].shape == (1, 10)"
        #expect(try ExternalTools.run("python3", ["-c", check], in: dir) == 0)
        let compressed = Commands.run(model: Self.example, inputs: [dir + "/z.npz"], outputs: [dir + "/z-out.npz"],
                                      engine: .reference, dumpTensors: nil)
        #expect(compressed.exitCode == 0, "\(compressed.stderr)")
        let stored = try Data(contentsOf: URL(fileURLWithPath: dir + "/out.npz"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/z-out.npz")) == stored)
        let deflated = "import zipfile; assert zipfile.ZipFile('z.npz').infolist()[0].compress_type == zipfile.ZIP_DEFLATED"
        #expect(try ExternalTools.run("python3", ["-c", deflated], in: dir) == 0, "z.npz is deflated")
    }

    @Test func theSameOutputTwiceIsAUsageError() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = Commands.run(model: Self.example, inputs: [], outputs: [dir + "/a.npy", dir + "/./a.npy"],
                                  engine: .reference, dumpTensors: nil)
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("error: --output") && output.stderr.contains("given twice"))
    }

    /// Bad input files are named plainly: a folder is a folder, a non-.npy file names the magic
    /// without escapes, and system errors never show Foundation's domain and code.
    @Test func inputAndOutputFileErrorsArePlain() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = Commands.run(model: Self.example, inputs: [dir], outputs: [dir + "/o.npy"], engine: .reference,
                                  dumpTensors: nil)
        #expect(folder.stderr.contains("is a directory, not a file") && !folder.stderr.contains("model"))
        try Data("hello".utf8).write(to: URL(fileURLWithPath: dir + "/x.npy"))
        let text = Commands.run(model: Self.example, inputs: [dir + "/x.npy"], outputs: [dir + "/o.npy"],
                                engine: .reference, dumpTensors: nil)
        #expect(text.stderr.contains("0x93 NUMPY") && !text.stderr.contains("\\"))
        let input = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/sample_input.npy").path
        for (path, reason) in [(dir + "/missing/o.npy", "no such file or directory"), (dir, "is a directory")] {
            let output = Commands.run(model: Self.example, inputs: [input], outputs: [path], engine: .reference,
                                      dumpTensors: nil)
            #expect(output.exitCode == 1)
            #expect(output.stderr.contains(reason) && !output.stderr.contains("NSCocoaErrorDomain"), "\(output.stderr)")
        }
    }

    @Test func unsupportedModelNamesTheOp() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.npy"
        let zeros = TensorValue(shape: Shape([1, 5, 6]), storage: .int16([Int16](repeating: 0, count: 30)))
        try Data(NumPyFormat.encode(zeros)).write(to: URL(fileURLWithPath: input))
        let output = Commands.run(model: ModelCorpus.refusedFixturePath, inputs: [input],
                                  outputs: [dir + "/o.npy"], engine: .reference, dumpTensors: nil)
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM)"))
    }
}
