/// The y axis of a memory chart: a top that is a whole number of ticks just above the data, and
/// tick values on binary steps (1, 2, 4 ... bytes or KiB or MiB), since firmware engineers read
/// SRAM in KiB.
struct ChartScale: Sendable, Equatable {
    /// Bytes at the top of the plot (a multiple of `tick`).
    var top: Int
    /// Bytes between two ticks (a power of two).
    var tick: Int

    /// The scale whose top is the smallest multiple of a power-of-two tick at or above `highest`
    /// (at least 1) with 4 to 8 intervals.
    init(covering highest: Int) {
        let value = max(highest, 1)
        var tick = 1
        while (value + tick - 1) / tick > 8 { tick *= 2 }
        let intervals = (value + tick - 1) / tick
        if intervals < 4 && tick > 1 { tick /= 2 }
        self.tick = tick
        top = (value + tick - 1) / tick * tick
    }

    /// Every tick value from 0 to `top`.
    var values: [Int] { Array(stride(from: 0, through: top, by: tick)) }

    /// The label of tick `bytes`: plain bytes (`1,280 B`) when the tick is under 1 KiB, else
    /// KiB or MiB (`8 KiB`, `1.5 MiB`), exact for every tick value of this scale.
    func label(_ bytes: Int) -> String {
        if bytes == 0 { return "0" }
        if tick < 1024 { return "\(Grouped.text(bytes)) B" }
        if bytes >= 1 << 20 && bytes % (1 << 19) == 0 {
            return bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes >> 20).5 MiB"
        }
        return bytes % 1024 == 0 ? "\(bytes / 1024) KiB" : "\(bytes / 1024).5 KiB"
    }
}
