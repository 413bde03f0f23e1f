import Foundation
import IR
import Testing
import TestSupport
import TFLiteFrontend

/// TFLite INT4 weights import as int8 values (`Tensor.packedInt4`), unpacked as TFLM unpacks them.
@Suite struct Int4ImportTests {
    static var paths: [String] { ModelCorpus.fixturePaths.filter { $0.contains("_int4") } }

    @Test func everyInt4FixtureImportsItsFilterUnpacked() throws {
        #expect(Self.paths.count == 7)
        for path in Self.paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let graph = try TFLiteFrontend.importModel(bytes: bytes)
            let packed = graph.tensors.filter(\.packedInt4)
            #expect(packed.count == 1, "\(path)")
            for tensor in packed {
                #expect(tensor.type == .int8 && tensor.data?.count == tensor.shape.elementCount, "\(path)")
                let values = (tensor.data ?? []).map { Int8(bitPattern: $0) }
                #expect(values.allSatisfy { (-8...7).contains($0) }, "\(path)")
                #expect(Set(values).count > 4, "\(path): the values vary")
                // The model's buffer is the packed form of the imported values (the generator leaves
                // an odd count's last high nibble 0, as `Int4Packing.pack`).
                let packedBytes = Int4Packing.pack(values)
                #expect(bytes.firstRange(of: packedBytes) != nil, "\(path)")
                #expect(graph.nodes.contains { $0.inputs.count > 1 && $0.inputs[1] == tensor.id }, "\(path)")
            }
            #expect(SupportCheck.problems(in: graph).isEmpty, "\(path)")
        }
        #expect(Self.paths.contains { $0.contains("odd") })
    }
}
