import IR
import TFLiteFrontend

/// `mcuc plan --emit-tflm-plan`: our offsets for TFLite Micro's offline planner.
///
/// TFLM kernels write outputs while reading inputs and make none of our kernels' promises, so
/// the plan handed to TFLM is computed without kernel-contract sharing (no overlaps, views or
/// folded PADs: every activation has bytes of its own), with TFLM's 16-byte buffer alignment.
/// Tensors we do not place (constants, unused tensors) get -1 so TFLM places them itself, as it
/// does its kernels' scratch buffers. Our fast kernels' scratch must not shape the plan either, so it
/// is made with the portable kernel set (the default target without DSP or Helium).
public enum TFLMPlanExport {
    /// What was written.
    public struct Result: Sendable, Equatable {
        /// One offset per tensor of subgraph 0 (-1: TFLM places it).
        public var offsets: [Int]
        /// The head of the arena TFLM needs for these tensors: the highest end, sizes rounded to 16.
        public var arenaBytes: Int
    }

    /// The offsets for `graph`.
    public static func plan(_ graph: Graph) throws(CompileError) -> Result {
        var portable = TargetCatalog.defaultTarget
        portable.features.dsp = false
        portable.features.mve = false
        let options = PipelineOptions(target: portable, externalIO: false, sharing: false, alignment: 16)
        let planned = try Pipeline.plan(graph, options: options)
        var offsets = Array(repeating: -1, count: graph.tensors.count)
        var head = 0
        for placement in planned.memory.tensors {
            let offset = planned.memory.offsets[placement.request] + placement.byteOffset
            offsets[placement.tensor.index] = offset
            head = max(head, offset + (placement.bytes + 15) / 16 * 16)
        }
        return Result(offsets: offsets, arenaBytes: head)
    }

    /// Writes the model at `modelPath` (already imported as `graph`) with our plan to `path`, and
    /// checks the result still imports.
    public static func write(graph: Graph, modelPath: String, to path: String) throws(CompileError) -> Result {
        let result = try plan(graph)
        let bytes = try OfflinePlanWriter.embed(offsets: result.offsets, into: try ModelFile.readBytes(path: modelPath))
        _ = try TFLiteFrontend.importModel(bytes: bytes)
        try FileOutput.write(bytes, to: path)
        return result
    }
}
