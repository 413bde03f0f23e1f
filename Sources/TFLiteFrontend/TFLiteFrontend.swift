import CTFLite
import IR

/// Reads a TFLite FlatBuffer into a verified `Graph`.
///
/// The bytes are untrusted: the FlatBuffers verifier (in `CTFLite`) proves memory safety, and this
/// module checks everything else FRONTEND_NOTES.md lists (index ranges, shapes against buffer
/// sizes, quantization counts, no sparsity or external buffers, schema version 3, an acyclic
/// graph in execution order). Any violation is a `CompileError` of kind `.malformed` or
/// `.unsupported`; no input makes it crash.
public enum TFLiteFrontend {
    /// Imports subgraph 0 of the model in `bytes`.
    public static func importModel(bytes: [UInt8]) throws(CompileError) -> Graph {
        let model = try open(bytes)
        defer { ctfl_close(model) }
        var info = ctfl_model_info()
        guard ctfl_model_info_get(model, &info) == CTFL_OK else {
            throw CompileError(.malformed, "the model has no readable subgraph")
        }
        guard info.version == 3 else {
            throw CompileError(.malformed, "schema version \(info.version) is not 3")
        }
        let reader = ModelReader(model: model, info: info)
        let tensors = try reader.tensors()
        let nodes = try reader.nodes(tensorCount: tensors.count)
        let graph = Graph(tensors: tensors, nodes: nodes,
                          inputs: try reader.graphList(Int32(CTFL_LIST_INPUTS), tensorCount: tensors.count),
                          outputs: try reader.graphList(Int32(CTFL_LIST_OUTPUTS), tensorCount: tensors.count),
                          description: reader.description())
        try GraphVerifier.verify(graph)
        return graph
    }

    private static func open(_ bytes: [UInt8]) throws(CompileError) -> OpaquePointer {
        var handle: OpaquePointer?
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buffer in
            ctfl_open(buffer.baseAddress, buffer.count, &handle, &message, message.count)
        }
        guard status == CTFL_OK, let handle else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CompileError(.malformed, "not a valid TFLite model: " + (reason.isEmpty ? "code \(status)" : reason))
        }
        return handle
    }
}
