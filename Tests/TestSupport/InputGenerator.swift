import Foundation
import IR

/// Seeded model inputs of the kinds the differential tests use.
public enum InputGenerator {
    /// Input styles.
    public enum Style: CaseIterable, Sendable {
        /// Uniform over the whole dtype range (float: standard normal scaled to the input's range).
        case fullRange
        /// Values clustered around the zero point, as real sensor data tends to be.
        case nearZeroPoint
        /// A smooth spatial pattern plus noise, like an image or spectrogram.
        case smooth
    }

    /// One value per graph input.
    public static func inputs(for graph: Graph, style: Style, seed: UInt64) -> [TensorValue] {
        var random = SeededRandom(seed: seed)
        return graph.inputs.map { id in
            if graph[id].type == .int32 { return indices(for: graph[id], bound: graph.indexBound(of: id) ?? 1, random: &random) }
            return value(for: graph[id], style: style, random: &random)
        }
    }

    /// int32 indices uniform over `0..<bound` (GATHER's coordinates; TFLM does not check them).
    static func indices(for tensor: Tensor, bound: Int, random: inout SeededRandom) -> TensorValue {
        .int32(tensor.shape, (0..<tensor.shape.elementCount).map { _ in Int32.random(in: 0..<Int32(max(bound, 1)), using: &random) })
    }

    static func value(for tensor: Tensor, style: Style, random: inout SeededRandom) -> TensorValue {
        if tensor.type == .int16 { return int16Value(for: tensor, style: style, random: &random) }
        let count = tensor.shape.elementCount
        let zp = Int(tensor.quant?.zeroPoint.first ?? 0)
        let ints: [Int] = (0..<count).map { i in
            switch style {
            case .fullRange: return Int.random(in: -128...127, using: &random)
            case .nearZeroPoint: return zp + Int.random(in: -24...24, using: &random)
            case .smooth:
                let wave = 60.0 * sin(Double(i) * 0.05) + 40.0 * cos(Double(i) * 0.011)
                return zp + Int(wave) + Int.random(in: -8...8, using: &random)
            }
        }
        let clamped = ints.map { min(max($0, -128), 127) }
        switch tensor.type {
        case .float32:
            // A float graph input feeds QUANTIZE; it is rarely quantized itself, so use a unit scale
            // (full range: standard normal, as the golden vectors do).
            if style == .fullRange { return .float32(tensor.shape, (0..<count).map { _ in normal(&random) }) }
            return .float32(tensor.shape, clamped.map { Float($0 - zp) / 48 })
        default:
            return .int8(tensor.shape, clamped.map { Int8($0) })
        }
    }
}

extension InputGenerator {
    /// int16 inputs: the int8 styles scaled by 256 (uniform over [-32768, 32767]; within +-6144
    /// of the zero point; the smooth wave times 256 plus noise), clamped to the int16 range.
    static func int16Value(for tensor: Tensor, style: Style, random: inout SeededRandom) -> TensorValue {
        let zp = Int(tensor.quant?.zeroPoint.first ?? 0)
        let values: [Int16] = (0..<tensor.shape.elementCount).map { i in
            let v: Int
            switch style {
            case .fullRange: v = Int.random(in: -32768...32767, using: &random)
            case .nearZeroPoint: v = zp + Int.random(in: -6144...6144, using: &random)
            case .smooth:
                let wave = 15360.0 * sin(Double(i) * 0.05) + 10240.0 * cos(Double(i) * 0.011)
                v = zp + Int(wave) + Int.random(in: -2048...2048, using: &random)
            }
            return Int16(min(max(v, -32768), 32767))
        }
        return TensorValue(shape: tensor.shape, storage: .int16(values))
    }
}

/// A standard normal sample (Box-Muller).
func normal(_ random: inout SeededRandom) -> Float {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &random)
    let u2 = Double.random(in: 0..<1, using: &random)
    return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
}
