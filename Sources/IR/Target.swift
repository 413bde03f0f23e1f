/// A microcontroller mcuc plans for: its core, clock, instruction-set features and memory sizes
/// (from the vendor's datasheet), and how much of that memory the application keeps for itself.
///
/// Invariants (checked where targets are loaded): sizes are positive, each reserve is smaller than
/// the memory it is taken from, the clock is positive.
public struct Target: Sendable, Hashable {
    /// The Cortex-M core the model runs on.
    public enum Core: String, Sendable, Hashable, CaseIterable {
        case cortexM0Plus = "cortex-m0plus"
        case cortexM4 = "cortex-m4"
        case cortexM7 = "cortex-m7"
        case cortexM33 = "cortex-m33"
        case cortexM55 = "cortex-m55"
    }

    /// Instruction-set extensions the kernels may use.
    public struct Features: Sendable, Hashable {
        /// ARMv7E-M / ARMv8-M DSP extension (`__ARM_FEATURE_DSP`: `SMLAD`, `SXTB16`).
        public var dsp: Bool
        /// A hardware floating-point unit.
        public var fpu: Bool
        /// Helium, the M-profile vector extension (Cortex-M55).
        public var mve: Bool

        public init(dsp: Bool, fpu: Bool, mve: Bool) {
            self.dsp = dsp
            self.fpu = fpu
            self.mve = mve
        }
    }

    /// The catalog name (`nucleo-l4r5zi`), lower case.
    public var name: String
    /// Other names accepted by `--target` (chip names such as `stm32l4r5`).
    public var aliases: [String]
    /// One line for people: board and chip.
    public var summary: String
    public var core: Core
    public var clockMHz: Int
    public var features: Features
    /// On-chip RAM usable for data, in bytes.
    public var sramBytes: Int
    /// Flash (or the code memory the board boots from), in bytes.
    public var flashBytes: Int
    /// RAM kept for stack, heap and the rest of the application.
    public var sramReserveBytes: Int
    /// Flash kept for the bootloader, vector table and the rest of the application.
    public var flashReserveBytes: Int
    /// The largest contiguous RAM block, when RAM is split into regions the arena cannot span;
    /// nil when `sramBytes` is one block.
    public var largestSRAMBlockBytes: Int?
    /// Where the numbers come from and anything a user should know (memory regions, caveats).
    public var notes: String
    /// The memory banks, when the target file lists them (empty: one RAM block of `sramBytes`).
    /// RAM regions add up to `sramBytes` and their reserves to `sramReserveBytes`; so do Flash
    /// regions, when listed, for Flash.
    public var regions: [MemoryRegion]

    public init(name: String, aliases: [String] = [], summary: String, core: Core, clockMHz: Int,
                features: Features, sramBytes: Int, flashBytes: Int, sramReserveBytes: Int,
                flashReserveBytes: Int, largestSRAMBlockBytes: Int? = nil, notes: String = "",
                regions: [MemoryRegion] = []) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.core = core
        self.clockMHz = clockMHz
        self.features = features
        self.sramBytes = sramBytes
        self.flashBytes = flashBytes
        self.sramReserveBytes = sramReserveBytes
        self.flashReserveBytes = flashReserveBytes
        self.largestSRAMBlockBytes = largestSRAMBlockBytes
        self.notes = notes
        self.regions = regions
    }

    /// RAM a model may use: `sramBytes - sramReserveBytes`.
    public var sramBudget: Int { sramBytes - sramReserveBytes }

    /// Flash a model may use: `flashBytes - flashReserveBytes`.
    public var flashBudget: Int { flashBytes - flashReserveBytes }

    /// True when `name` is the target's name or one of its aliases (case-insensitive).
    public func answers(to name: String) -> Bool {
        let wanted = name.lowercased()
        return self.name == wanted || aliases.contains { $0.lowercased() == wanted }
    }
}
