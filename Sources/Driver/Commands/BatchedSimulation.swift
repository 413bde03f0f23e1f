import CodeGen
import IR
import Simulator

/// `mcuc simulate`'s inputs in bounded batches: each batch is generated, run through the harness
/// and the reference, compared and dropped before the next, so memory stays flat whatever
/// `--inputs` is (the seeded sequence is the same as generating every input at once).
struct BatchedSimulation {
    /// What all batches measured together.
    var inferences = 0
    var tensorsCompared = 0
    /// The first `keptMismatches` mismatches (inference numbers count from the first batch).
    var mismatches: [Mismatch] = []
    var mismatchingInferences = 0
    var peakArenaBytesMeasured = 0
    var arenaGuardIntact = true
    var nanosecondsPerInference: Double?
    var constantBytes = 0
    var arenaBytesPlanned = 0

    var bitExact: Bool { mismatchingInferences == 0 }

    /// Mismatches kept for the report; later ones are only counted.
    static let keptMismatches = 100

    /// Harness inputs, outputs and traces of one batch stay under this many bytes.
    static let batchBytes = 32 << 20

    /// Inferences per batch for `build`: as many as fit `batchBytes`, at least 1, at most 256.
    static func batchSize(for sources: GeneratedSources) -> Int {
        let traced: Int = sources.tracePoints.reduce(0) { $0 + $1.bytes }
        let inputs: Int = sources.inputs.reduce(0) { $0 + $1.bytes }
        let outputs: Int = sources.outputs.reduce(0) { $0 + $1.bytes }
        let perInference = traced + inputs + outputs
        return max(1, min(256, batchBytes / max(1, perInference)))
    }

    /// Runs `count` seeded inputs through `build` and the reference, batch by batch. The first
    /// batch also times `timingRepeats` untraced inferences.
    static func run(graph: Graph, build: HostBuild, count: Int, seed: UInt64,
                    timingRepeats: Int) throws(CompileError) -> BatchedSimulation {
        var random = RandomInputs(seed: seed)
        var total = BatchedSimulation()
        let size = batchSize(for: build.sources)
        while total.inferences < count {
            let batch = (0..<min(size, count - total.inferences)).map { _ in random.inputs(for: graph) }
            let part = try Simulator.simulate(graph: graph, build: build, inputs: batch,
                                              timingRepeats: total.inferences == 0 ? timingRepeats : 0)
            total.add(part, offset: total.inferences)
        }
        return total
    }

    /// Adds one batch whose first inference is number `offset`.
    mutating func add(_ part: SimulationReport, offset: Int) {
        if inferences == 0 { nanosecondsPerInference = part.nanosecondsPerInference }
        inferences += part.inferences
        tensorsCompared += part.tensorsCompared
        mismatchingInferences += part.mismatches.count
        for var mismatch in part.mismatches where mismatches.count < Self.keptMismatches {
            mismatch.inference += offset
            mismatches.append(mismatch)
        }
        peakArenaBytesMeasured = max(peakArenaBytesMeasured, part.peakArenaBytesMeasured)
        arenaGuardIntact = arenaGuardIntact && part.arenaGuardIntact
        constantBytes = part.constantBytes
        arenaBytesPlanned = part.arenaBytesPlanned
    }
}
