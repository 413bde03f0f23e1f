import CodeGen
import Foundation
import IR

/// What one run of a compiled harness produced.
public struct HarnessRun: Sendable {
    /// The outputs of every inference, graph outputs in order.
    public var outputs: [[TensorValue]]
    /// Per inference, the value of every traced tensor (empty when not traced).
    public var traces: [[TensorID: TensorValue]]
    /// Non-zero when `<prefix>_invoke` reported a failure (then later inferences did not run).
    public var status: Int32
    /// One past the highest arena byte any inference wrote (0 if none).
    public var arenaTouched: Int
    /// False when a byte of the guard zones around the arena changed (never measured in `exact` mode).
    public var guardIntact: Bool
    /// Mean wall time of one untraced inference, when timed.
    public var nanosecondsPerInference: Double?
}

extension HostBuild {
    /// Runs the harness on `inputs` (one array of graph-input values per inference).
    ///
    /// `trace`: dump every arena tensor after its step. `repeats`: extra timed inferences of the
    /// first input. `exactArena`: the arena is its own allocation of exactly the planned size
    /// (for sanitizers) instead of sitting between guard bytes.
    public func run(_ inputs: [[TensorValue]], trace: Bool = true, repeats: Int = 0,
                    exactArena: Bool = false) throws(CompileError) -> HarnessRun {
        let inputBytes = try serialize(inputs)
        let tag = UUID().uuidString
        let inURL = directory.appendingPathComponent("in-\(tag).bin")
        let outURL = directory.appendingPathComponent("out-\(tag).bin")
        let traceURL = directory.appendingPathComponent("trace-\(tag).bin")
        defer {
            for url in [inURL, outURL, traceURL] { try? FileManager.default.removeItem(at: url) }
        }
        do {
            try Data(inputBytes).write(to: inURL)
        } catch {
            throw CompileError(.badInput, "cannot write '\(inURL.path)': \(SystemErrorText.reason(error))")
        }
        let arguments = [String(inputs.count), inURL.path, outURL.path, trace ? traceURL.path : "-", String(repeats),
                         exactArena ? "exact" : "guard"]
        let result = try ProcessRunner.run(executable.path, arguments, in: directory)
        guard result.status == 0 else {
            throw CompileError(.mismatch, "the generated C crashed or failed (exit \(result.status)): "
                + result.stderr.split(separator: "\n").prefix(12).joined(separator: "\n"))
        }
        let report = Self.parse(result.stdout)
        let outputBytes = (try? [UInt8](Data(contentsOf: outURL))) ?? []
        let outputs = Self.split(outputBytes, records: inputs.count, tensors: sources.outputs.map { ($0.type, $0.shape) })
        var traces: [[TensorID: TensorValue]] = []
        if trace {
            let traceBytes = (try? [UInt8](Data(contentsOf: traceURL))) ?? []
            traces = Self.traces(traceBytes, records: report.status == 0 ? inputs.count : 0, points: sources.tracePoints)
        }
        return HarnessRun(outputs: report.status == 0 ? outputs : [], traces: traces, status: report.status,
                          arenaTouched: report.touched, guardIntact: report.guardOK, nanosecondsPerInference: report.ns)
    }

    /// The harness's input file: every input of every inference, in order, after checking types
    /// and shapes against the interface.
    func serialize(_ inputs: [[TensorValue]]) throws(CompileError) -> [UInt8] {
        try Self.serialize(inputs, for: sources)
    }

    /// Every input of every inference, in order, after checking types and shapes against the
    /// interface of `sources` (the input file of both harnesses).
    static func serialize(_ inputs: [[TensorValue]], for sources: GeneratedSources) throws(CompileError) -> [UInt8] {
        var bytes: [UInt8] = []
        for values in inputs {
            guard values.count == sources.inputs.count else {
                throw CompileError(.badInput, "the model has \(sources.inputs.count) inputs but \(values.count) were given")
            }
            for (value, expected) in zip(values, sources.inputs) {
                guard value.type == expected.type, value.shape == expected.shape else {
                    throw CompileError(.badInput, "an input is \(value.type)\(value.shape) but the model expects "
                        + "\(expected.type)\(expected.shape)")
                }
                bytes += value.bytes
            }
        }
        return bytes
    }

    static func parse(_ stdout: String) -> (status: Int32, touched: Int, guardOK: Bool, ns: Double?) {
        var values: [String: String] = [:]
        for line in stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return (Int32(values["status"] ?? "") ?? -1, Int(values["arena_touched"] ?? "") ?? 0,
                values["guard_ok"] == "1", values["ns_per_inference"].flatMap(Double.init))
    }

    static func split(_ bytes: [UInt8], records: Int, tensors: [(DataType, Shape)]) -> [[TensorValue]] {
        var offset = 0
        var result: [[TensorValue]] = []
        for _ in 0..<records {
            var record: [TensorValue] = []
            for (type, shape) in tensors {
                let count = (type.byteSize ?? 1) * shape.elementCount
                guard offset + count <= bytes.count,
                      let value = TensorValue(type: type, shape: shape, bytes: Array(bytes[offset..<(offset + count)])) else {
                    return result
                }
                record.append(value)
                offset += count
            }
            result.append(record)
        }
        return result
    }

    static func traces(_ bytes: [UInt8], records: Int, points: [TracePoint]) -> [[TensorID: TensorValue]] {
        var offset = 0
        var result: [[TensorID: TensorValue]] = []
        for _ in 0..<records {
            var record: [TensorID: TensorValue] = [:]
            for point in points {
                let count = point.bytes
                guard offset + count <= bytes.count,
                      let value = TensorValue(type: point.type, shape: point.shape,
                                              bytes: Array(bytes[offset..<(offset + count)])) else {
                    return result
                }
                record[point.tensor] = value
                offset += count
            }
            result.append(record)
        }
        return result
    }
}
