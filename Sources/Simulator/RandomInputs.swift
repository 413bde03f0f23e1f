import Foundation
import IR

/// Seeded model inputs for `mcuc simulate`: int8 uniform over [-128, 127], int16 uniform over
/// [-32768, 32767], float32 standard normal, int32 indices uniform over their valid range
/// (`Graph.indexBound(of:)`). SplitMix64, so a seed gives the same inputs on every machine.
public struct RandomInputs: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / 9007199254740992.0 }

    /// One value per graph input of `graph`.
    public mutating func inputs(for graph: Graph) -> [TensorValue] {
        graph.inputs.map { id in
            let tensor = graph[id]
            let count = tensor.shape.elementCount
            switch tensor.type {
            case .float32:
                return .float32(tensor.shape, (0..<count).map { _ in
                    Float((-2 * log(unit())).squareRoot() * cos(2 * Double.pi * unit()))
                })
            case .int16:
                return TensorValue(shape: tensor.shape, storage: .int16((0..<count).map { _ in
                    Int16(truncatingIfNeeded: next())
                }))
            case .int32:
                let bound = UInt64(max(graph.indexBound(of: id) ?? 1, 1))
                return .int32(tensor.shape, (0..<count).map { _ in Int32(next() % bound) })
            default:
                return .int8(tensor.shape, (0..<count).map { _ in Int8(truncatingIfNeeded: next()) })
            }
        }
    }

    /// `count` input sets from `seed`.
    public static func sets(for graph: Graph, count: Int, seed: UInt64) -> [[TensorValue]] {
        var random = RandomInputs(seed: seed)
        return (0..<count).map { _ in random.inputs(for: graph) }
    }
}
