import IR

/// What `mcuc targets` prints.
public struct TargetsReport: Sendable, Encodable {
    /// One device.
    public struct Entry: Sendable, Encodable {
        public var name: String
        public var aliases: [String]
        public var summary: String
        public var core: String
        public var clock_mhz: Int
        public var dsp: Bool
        public var fpu: Bool
        public var mve: Bool
        public var sram_bytes: Int
        public var flash_bytes: Int
        public var sram_reserve_bytes: Int
        public var flash_reserve_bytes: Int
        public var largest_sram_block_bytes: Int?
        public var is_default: Bool
        public var notes: String
        /// The memory banks the target file lists (empty when it lists none).
        public var regions: [Region]
    }

    /// One memory bank.
    public struct Region: Sendable, Encodable {
        public var name: String
        public var kind: String
        public var bytes: Int
        public var base: Int?
        public var speed_rank: Int
        public var reserve_bytes: Int
    }

    public var version = 1
    public var default_target: String
    public var targets: [Entry]

    public init(targets: [Target], defaultName: String) {
        default_target = defaultName
        self.targets = targets.map { t in
            Entry(name: t.name, aliases: t.aliases, summary: t.summary, core: t.core.rawValue, clock_mhz: t.clockMHz,
                  dsp: t.features.dsp, fpu: t.features.fpu, mve: t.features.mve, sram_bytes: t.sramBytes,
                  flash_bytes: t.flashBytes, sram_reserve_bytes: t.sramReserveBytes,
                  flash_reserve_bytes: t.flashReserveBytes, largest_sram_block_bytes: t.largestSRAMBlockBytes,
                  is_default: t.name == defaultName, notes: t.notes,
                  regions: t.regions.map { Region(name: $0.name, kind: $0.kind.rawValue, bytes: $0.bytes, base: $0.base,
                                                  speed_rank: $0.speedRank, reserve_bytes: $0.reserveBytes) })
        }
    }

    /// A table of the devices, the default marked with `*`.
    public func renderText() -> String {
        var table = TextTable(headers: ["target", "core", "MHz", "features", "SRAM KiB", "Flash KiB", "reserve KiB",
                                        "board"], rightAligned: [2, 4, 5])
        for t in targets {
            let features = [t.dsp ? "dsp" : nil, t.fpu ? "fpu" : nil, t.mve ? "mve" : nil].compactMap { $0 }
            table.add([t.name + (t.is_default ? " *" : ""), t.core, String(t.clock_mhz),
                       features.isEmpty ? "-" : features.joined(separator: ","), Grouped.text(t.sram_bytes / 1024),
                       Grouped.text(t.flash_bytes / 1024),
                       "\(t.sram_reserve_bytes / 1024) / \(t.flash_reserve_bytes / 1024)", t.summary])
        }
        let banks = targets.filter { !$0.regions.isEmpty }.map { t in
            "\(t.name) memory regions (fastest first): " + t.regions.sorted { $0.speed_rank < $1.speed_rank }.map {
                "\($0.name) \($0.kind) \(Grouped.text($0.bytes / 1024)) KiB"
                    + ($0.base.map { " at 0x" + String($0, radix: 16, uppercase: true) } ?? "")
            }.joined(separator: ", ")
        }
        return table.render() + "\n" + banks.map { "\n" + $0 }.joined() + "\n\n* default target. --target also takes an alias (e.g. stm32f746, nrf52840) "
            + "or a path to a JSON file of the same form.\n"
    }
}
