import IR

/// FULLY_CONNECTED (`FullyConnected`): the input as `[batches, depth]`, `acc = bias[u] +
/// Σ (w[u, d] + filterOffset) * (x[b, d] - in_zp)`, then the output stage.
enum ReferenceFullyConnected {
    static func run(_ c: OpContext, _ p: FullyConnectedParams) -> TensorValue {
        if let a = p.int16x8 { return ReferenceInt16x8.fullyConnected(c, p, a) }
        return .int8(c.outputTensor.shape, multiply(input: c.input(0).int8Values, p))
    }

    /// The kernel over a flat `[batches, depth]` input and `[units, depth]` filter.
    static func multiply(input: [Int8], _ p: FullyConnectedParams) -> [Int8] {
        let (batches, units, depth) = (p.batches, p.units, p.depth)
        let inputOffset = -p.inputZeroPoint, filterOffset = p.filterOffset
        var output = [Int8](repeating: 0, count: batches * units)
        input.withUnsafeBufferPointer { x in
            p.filter.withUnsafeBufferPointer { f in
                for b in 0..<batches {
                    for u in 0..<units {
                        var acc: Int32 = 0
                        for d in 0..<depth {
                            acc &+= (Int32(f[u * depth + d]) &+ filterOffset) &* (Int32(x[b * depth + d]) &+ inputOffset)
                        }
                        output[b * units + u] = p.output.apply(acc &+ p.bias[u], channel: u)
                    }
                }
            }
        }
        return output
    }
}
