import Foundation
import IR
import Reference

/// Stateful models (LSTM, SVDF) checked across invokes: TFLM keeps their variable tensors between
/// invokes, so one invoke's comparison cannot show that the state carried over is right.
public enum ConsecutiveInvokes {
    /// Runs every model `invokes` times on one input set (`seed`) after a reset, in TFLM and in
    /// `Reference` (each invoke starting from the state the previous one left), and compares the
    /// last invoke's tensors, the variable tensors included. A model whose first invoke leaves
    /// its state unchanged is a mismatch too (it would not test the carried-over state).
    public static func compare(_ models: [(path: String, graph: Graph)], invokes: Int,
                               seed: UInt64) throws -> DifferentialComparison {
        let jobs = models.map {
            TFLMOracle.Job(model: $0.path, inputs: InputGenerator.inputs(for: $0.graph, style: .fullRange, seed: seed),
                           invokes: invokes)
        }
        let outcomes = try TFLMOracle.run(jobs)
        var comparison = DifferentialComparison()
        for ((path, graph), (job, outcome)) in zip(models, zip(jobs, outcomes)) {
            let label = (path as NSString).lastPathComponent
            guard case .tensors(let theirs) = outcome else {
                comparison.mismatches.append("\(label): TFLM failed: \(outcome)")
                continue
            }
            var state = Reference.resetState(of: graph)
            var last: [TensorID: TensorValue] = [:]
            for invoke in 0..<invokes {
                last = try Reference.run(graph, inputs: job.inputs, state: state)
                let next = Reference.state(of: graph, in: last)
                if invoke == 0, next == state {
                    comparison.mismatches.append("\(label): the first invoke left the state unchanged")
                }
                state = next
            }
            comparison.compare(ours: last, theirs: theirs, graph: graph, label: label)
        }
        return comparison
    }
}
