import IR

/// SPLIT, SPLIT_V, UNPACK (`SplitParams`): for each outer index, output `k` takes the input's
/// next `sliceElements[k]` elements.
enum ReferenceSplit {
    static func run(_ c: OpContext, _ p: SplitParams) -> [TensorValue] {
        let x = c.input(p.input).int8Values
        var parts = p.sliceElements.map { _ in [Int8]() }
        var at = 0
        for _ in 0..<p.outer {
            for (k, n) in p.sliceElements.enumerated() {
                parts[k] += x[at..<(at + n)]
                at += n
            }
        }
        return zip(c.node.outputs, parts).map { id, values in .int8(c.graph[id].shape, values) }
    }
}
