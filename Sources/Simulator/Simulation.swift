import CodeGen
import IR
import Reference

/// The first element where the emitted C and the reference disagree in one inference.
public struct Mismatch: Sendable, Hashable {
    /// Which inference (0-based).
    public var inference: Int
    public var tensor: TensorID
    public var tensorName: String
    /// The op that wrote the tensor (nil for a graph output that no op writes).
    public var node: NodeID?
    public var opName: String?
    /// Flat element index and the two values (as text, int8 or float32).
    public var element: Int
    public var ours: String
    public var reference: String
}

/// What `Simulator.simulate` measured.
public struct SimulationReport: Sendable {
    public var inferences: Int
    /// Every traced tensor and every output of every inference equal the reference bit for bit.
    public var bitExact: Bool
    /// Tensors compared (traced activations and outputs, over all inferences).
    public var tensorsCompared: Int
    /// The first mismatch of each inference that had one.
    public var mismatches: [Mismatch]
    /// One past the highest arena byte the C wrote (0 if none).
    public var peakArenaBytesMeasured: Int
    public var arenaBytesPlanned: Int
    /// False when the C wrote into the guard bytes around the arena.
    public var arenaGuardIntact: Bool
    /// Mean wall time of one inference of the emitted C on the host (release build, untraced).
    public var nanosecondsPerInference: Double?
    /// Bytes of constant tables in the emitted weights file.
    public var constantBytes: Int
}

extension Simulator {
    /// Runs `inputs` through the compiled harness (traced) and the reference, and compares every
    /// arena tensor right after the step that wrote it, then the outputs. `expected` may carry
    /// the reference's values for each input (nil entries, or a nil array, are computed here).
    public static func simulate(graph: Graph, build: HostBuild, inputs: [[TensorValue]], timingRepeats: Int = 0,
                                expected: [Result<[TensorID: TensorValue], CompileError>]? = nil)
        throws(CompileError) -> SimulationReport {
        let run = try build.run(inputs, trace: true, repeats: timingRepeats)
        return report(graph: graph, sources: build.sources, run: run, inputs: inputs, expected: expected)
    }

    /// Compares a traced harness run of `sources` on `inputs` with the reference (see `simulate`).
    static func report(graph: Graph, sources: GeneratedSources, run: HarnessRun, inputs: [[TensorValue]],
                       expected: [Result<[TensorID: TensorValue], CompileError>]?) -> SimulationReport {
        var mismatches: [Mismatch] = []
        var compared = 0
        for (k, values) in inputs.enumerated() {
            let reference: Result<[TensorID: TensorValue], CompileError>
            if let given = expected, k < given.count {
                reference = given[k]
            } else {
                reference = Result { () throws(CompileError) in try Reference.run(graph, inputs: values) }
            }
            let (count, mismatch) = compare(graph: graph, sources: sources, run: run, inference: k, reference: reference)
            compared += count
            if let mismatch { mismatches.append(mismatch) }
        }
        return SimulationReport(inferences: inputs.count, bitExact: mismatches.isEmpty, tensorsCompared: compared,
                                mismatches: mismatches, peakArenaBytesMeasured: run.arenaTouched,
                                arenaBytesPlanned: sources.arenaBytes, arenaGuardIntact: run.guardIntact,
                                nanosecondsPerInference: run.nanosecondsPerInference,
                                constantBytes: sources.constantBytes)
    }

    /// Compares inference `k` with the reference: every traced tensor in step order, then the
    /// outputs. Returns the number of tensors compared and the first mismatch. Where the
    /// reference rejects the input (TFLM would abort), the C must have failed too.
    static func compare(graph: Graph, sources: GeneratedSources, run: HarnessRun, inference k: Int,
                        reference: Result<[TensorID: TensorValue], CompileError>) -> (Int, Mismatch?) {
        func failure(_ ours: String, _ theirs: String) -> Mismatch {
            Mismatch(inference: k, tensor: graph.outputs[0], tensorName: "", node: nil, opName: nil, element: 0,
                     ours: ours, reference: theirs)
        }
        let expected: [TensorID: TensorValue]
        switch reference {
        case .failure(let error): return (0, run.status == 0 ? failure("status 0", "error: \(error.description)") : nil)
        case .success(let values): expected = values
        }
        guard run.status == 0, k < run.outputs.count else { return (0, failure("status \(run.status)", "status 0")) }
        var checks: [(TensorID, TensorValue)] = sources.tracePoints.compactMap { point in
            k < run.traces.count ? run.traces[k][point.tensor].map { (point.tensor, $0) } : nil
        }
        checks += zip(graph.outputs, run.outputs[k]).map { ($0, $1) }
        let producers = graph.producers()
        for (index, (tensor, ours)) in checks.enumerated() {
            let theirs = expected[tensor] ?? TensorValue(constant: graph[tensor])
            guard let element = firstDifference(ours, theirs) else { continue }
            let node = producers[tensor]
            return (index + 1, Mismatch(inference: k, tensor: tensor, tensorName: graph[tensor].name, node: node,
                                        opName: node.map { graph[$0].op.name }, element: element,
                                        ours: describe(ours, element), reference: theirs.map { describe($0, element) } ?? "-"))
        }
        return (checks.count, nil)
    }

    /// The first flat index where the bytes differ (or 0 when the shapes or types differ).
    static func firstDifference(_ a: TensorValue, _ b: TensorValue?) -> Int? {
        guard let b else { return 0 }
        guard a.type == b.type, a.shape == b.shape else { return 0 }
        let x = a.bytes, y = b.bytes
        guard x != y else { return nil }
        let size = a.type.byteSize ?? 1
        let index = x.indices.first { x[$0] != y[$0] } ?? 0
        return index / size
    }

    static func describe(_ value: TensorValue, _ element: Int) -> String {
        switch value.storage {
        case .int8(let v): return element < v.count ? String(v[element]) : "-"
        case .int16(let v): return element < v.count ? String(v[element]) : "-"
        case .int32(let v): return element < v.count ? String(v[element]) : "-"
        case .float32(let v): return element < v.count ? String(v[element]) : "-"
        }
    }
}
