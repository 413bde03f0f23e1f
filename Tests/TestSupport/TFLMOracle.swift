import Driver
import Foundation
import IR

/// Runs models under TensorFlow Lite Micro (PyPI `tflite-micro`, reference kernels) through
/// `scripts/tflm/tflm_run.py --batch`, one Python process for many jobs, and returns every
/// activation tensor TFLM computed.
public enum TFLMOracle {
    /// One model run.
    public struct Job: Sendable {
        public var model: String
        public var inputs: [TensorValue]
        /// Consecutive invokes on the same inputs after one `reset()` (the dump is the last one's).
        public var invokes: Int
        public init(model: String, inputs: [TensorValue], invokes: Int = 1) {
            self.model = model
            self.inputs = inputs
            self.invokes = invokes
        }
    }

    /// TFLM's result for a job: tensor index -> raw value, or the reason it failed.
    public enum Outcome: Sendable {
        case tensors([Int: NumPyArray])
        case failed(String)
    }

    struct JobSpec: Encodable { var model: String; var inputs: [String]; var dump: String; var invokes: Int }
    struct ResultSpec: Decodable { var ok: Bool; var error: String?; var log: String? }

    /// Runs every job; throws only if the Python driver itself cannot run.
    public static func run(_ jobs: [Job]) throws -> [Outcome] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-tflm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var specs: [JobSpec] = []
        for (i, job) in jobs.enumerated() {
            var inputs: [String] = []
            for (k, value) in job.inputs.enumerated() {
                let path = dir.appendingPathComponent("j\(i)_in\(k).npy")
                try Data(NumPyFormat.encode(value)).write(to: path)
                inputs.append(path.path)
            }
            specs.append(JobSpec(model: job.model, inputs: inputs, dump: dir.appendingPathComponent("d\(i)").path,
                                 invokes: job.invokes))
        }
        let jobsFile = dir.appendingPathComponent("jobs.json")
        let resultsFile = dir.appendingPathComponent("results.json")
        try JSONEncoder().encode(specs).write(to: jobsFile)
        let script = SharedModels.repositoryRoot.appendingPathComponent("scripts/tflm/tflm_run.py").path
        let status = try runPython([script, "--batch", jobsFile.path, "--results", resultsFile.path])
        guard let data = try? Data(contentsOf: resultsFile) else {
            throw OracleError("tflm_run.py exited \(status) without results (is tflite-micro installed? make deps)")
        }
        let results = try JSONDecoder().decode([ResultSpec].self, from: data)
        return try zip(specs, results).map { spec, result in
            guard result.ok else { return .failed((result.error ?? "") + " " + (result.log ?? "")) }
            return .tensors(try readDump(spec.dump))
        }
    }

    static func readDump(_ dir: String) throws -> [Int: NumPyArray] {
        var tensors: [Int: NumPyArray] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasPrefix("t") && name.hasSuffix(".npy") {
            guard let index = Int(name.dropFirst().dropLast(4)) else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            tensors[index] = try NumPyFormat.decode(bytes)
        }
        return tensors
    }

    static func runPython(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct OracleError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
