import IR

extension OutputRequantization {
    /// Requantizes accumulator `acc` of output channel `channel` to int8.
    @inline(__always)
    func apply(_ acc: Int32, channel: Int) -> Int8 {
        let scaled = QuantizedMath.multiplyByQuantizedMultiplier(acc, multiplier(channel: channel)) &+ zeroPoint
        return QuantizedMath.clampToInt8(scaled, range)
    }
}
