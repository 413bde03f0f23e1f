import IR

/// ARG_MAX / ARG_MIN (`ArgReduction`): per (outer, inner) position, the first index along the
/// axis holding the largest (smallest) raw value, as int32.
enum ReferenceArgMinMax {
    static func run(_ c: OpContext, _ p: ArgReduction) -> TensorValue {
        let x = c.input(0).int8Values
        var result = [Int32](repeating: 0, count: p.outer * p.inner)
        for o in 0..<p.outer {
            for i in 0..<p.inner {
                let base = o * p.axis * p.inner + i
                var best = x[base], at = 0
                for k in 1..<max(p.axis, 1) {
                    let v = x[base + k * p.inner]
                    if p.largest ? v > best : v < best {
                        best = v
                        at = k
                    }
                }
                result[o * p.inner + i] = Int32(at)
            }
        }
        return .int32(c.outputTensor.shape, result)
    }
}
