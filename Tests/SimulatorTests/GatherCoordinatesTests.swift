import Driver
import Simulator
import Foundation
import IR
import Testing
import TestSupport

/// GATHER with run-time coordinates: an int32 graph input is accepted only where every reader
/// takes it as indices, `simulate` draws it in range, and a coordinate outside params stops the
/// reference and the emitted C alike (`MCUC_ERROR_INPUT_DOMAIN`; TFLM would read outside params).
@Suite struct GatherCoordinatesTests {
    static let model = SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/ops/gather_005_dynamic_coords.tflite").path

    /// `params [4, 6] (int8), coords [3] (int32) -> GATHER axis 1`, optionally with the
    /// coordinates also a graph output (then not only read as indices, and nothing reads them
    /// when `unread`).
    static func graph(unread: Bool = false) -> Graph {
        var b = GraphBuilder()
        let x = b.input([4, 6], scale: 0.1, zeroPoint: 3, name: "params")
        let c = b.add(Tensor(id: TensorID(0), name: "coords", type: .int32, shape: Shape([3])))
        b.inputs = [x, c]
        let y = b.activation([4, 3], scale: 0.1, zeroPoint: 3, name: "y")
        if !unread { b.node(.gather(Gather(axis: 1, batchDims: 0)), inputs: [x, c], output: y) }
        return b.build(outputs: unread ? [x] : [y])
    }

    @Test func int32InputsMustBeIndices() {
        let g = Self.graph()
        #expect(g.indexBound(of: g.inputs[1]) == 6)
        #expect(SupportCheck.problems(in: g).isEmpty)
        let unread = Self.graph(unread: true)
        #expect(unread.indexBound(of: unread.inputs[1]) == nil)
        #expect(SupportCheck.problems(in: unread).contains { $0.message.contains("graph input 1 has type int32") })
    }

    @Test func simulatedCoordinatesLieInRange() {
        let g = Self.graph()
        for set in RandomInputs.sets(for: g, count: 20, seed: 7) {
            #expect(set[1].integerValues.allSatisfy { (0..<6).contains($0) })
        }
    }

    /// The reference and the emitted C (gcc) agree on coordinates in range and both stop on one
    /// outside (6 of an axis of 6, and -1).
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"), arguments: [[5, 0, 2], [5, 6, 2], [-1, 0, 0]])
    func outsideCoordinatesStopBothEngines(_ coords: [Int32]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-gather-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let params = TensorValue.int8(Shape([4, 6]), (0..<24).map { Int8($0 * 5 - 60) })
        try Data(NumPyFormat.encode(params)).write(to: URL(fileURLWithPath: dir + "/p.npy"))
        try Data(NumPyFormat.encode(.int32(Shape([3]), coords))).write(to: URL(fileURLWithPath: dir + "/c.npy"))
        let inRange = coords.allSatisfy { (0..<6).contains($0) }
        var written: [Data] = []
        for engine in [Engine.reference, .host] {
            let out = dir + "/\(engine.rawValue).npy"
            let run = Commands.run(model: Self.model, inputs: [dir + "/p.npy", dir + "/c.npy"], outputs: [out],
                                   engine: engine, dumpTensors: nil)
            #expect((run.exitCode == 0) == inRange, "\(engine): \(run.stderr)")
            if inRange { written.append(try Data(contentsOf: URL(fileURLWithPath: out))) }
            if !inRange, engine == .host { #expect(run.stderr.contains("MCUC_ERROR_INPUT_DOMAIN"), "\(run.stderr)") }
        }
        #expect(written.count == (inRange ? 2 : 0) && Set(written).count <= 1)
    }
}
