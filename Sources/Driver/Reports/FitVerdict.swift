import IR
import MemoryPlanning

/// Whether a planned model fits one target: SRAM (arena, static data and stack against RAM minus
/// the application's reserve, and the arena against the largest contiguous block), Flash (code
/// and constants against Flash minus the reserve), measured from the ELF or estimated (`exact`).
public struct FitVerdict: Sendable, Encodable, Equatable {
    public var target: String
    public var core: String
    public var sram_used_bytes: Int
    public var sram_budget_bytes: Int
    public var flash_used_bytes: Int
    public var flash_budget_bytes: Int
    /// The largest contiguous RAM block, when the target's RAM is split.
    public var largest_sram_block_bytes: Int?
    public var fits_sram: Bool
    public var fits_flash: Bool
    public var fits: Bool
    /// Every reason it does not fit (empty when it fits): `SRAM too small`, `arena over the
    /// largest RAM block`, `<region> too small`, `Flash too small`.
    public var problems: [String]
    /// Use of each RAM region the target lists, fastest first (empty when it lists none).
    public var regions: [RegionUse]

    /// The arena bytes the plan put in one RAM region, against what the model may use there.
    public struct RegionUse: Sendable, Encodable, Equatable {
        public var name: String
        public var used_bytes: Int
        public var budget_bytes: Int
        public var fits: Bool
    }
    /// True when SRAM and Flash were read from the ELF built for the target's core.
    public var exact: Bool
    /// `sram_used_bytes` by part: arena, static data, stack, the caller's buffers.
    public var sram_bytes: SRAMBytes

    /// The verdict for `model`, whose memory on the target's core is `memory`, on `target`.
    public init(model: PlannedModel, target: Target, memory: ModelMemory) {
        self.target = target.name
        core = target.core.rawValue
        exact = memory.exact
        sram_bytes = SRAMBytes(memory)
        sram_used_bytes = memory.sramBytes
        sram_budget_bytes = target.sramBudget
        flash_used_bytes = memory.flashBytes
        flash_budget_bytes = target.flashBudget
        largest_sram_block_bytes = target.largestSRAMBlockBytes
        regions = Self.regionUse(model.memory, target: target)
        let blockOK = !regions.isEmpty || (target.largestSRAMBlockBytes.map { model.memory.arenaBytes <= $0 } ?? true)
        let overfull = regions.filter { !$0.fits }.map { "\($0.name) too small" }
        fits_sram = sram_used_bytes <= sram_budget_bytes && blockOK && overfull.isEmpty
        fits_flash = flash_used_bytes <= flash_budget_bytes
        fits = fits_sram && fits_flash
        problems = (sram_used_bytes > sram_budget_bytes ? ["SRAM too small"] : [])
            + (blockOK ? [] : ["arena over the largest RAM block"]) + overfull
            + (fits_flash ? [] : ["Flash too small"])
    }

    /// Each RAM region of `target` with the arena bytes `memory` placed there (a plan made
    /// without the target's regions counts as one arena in its fastest region).
    static func regionUse(_ memory: MemoryPlan, target: Target) -> [RegionUse] {
        let ram = target.ramRegions
        guard !ram.isEmpty else { return [] }
        let named = memory.regions.compactMap { r in r.name.map { ($0, r.bytes) } }
        let used = named.isEmpty ? [(ram[0].name, memory.arenaArrayBytes)] : named
        return ram.map { region in
            let bytes = used.filter { $0.0 == region.name }.reduce(0) { $0 + $1.1 }
            return RegionUse(name: region.name, used_bytes: bytes, budget_bytes: region.budget, fits: bytes <= region.budget)
        }
    }

    /// `DTCMRAM 98,304 of 131,072 bytes (75.0%); RAM_D1 ...`, or nil when the target lists no regions.
    public var regionsLine: String? {
        guard !regions.isEmpty else { return nil }
        return "  \(target) regions: " + regions.map { r in
            "\(r.name) \(Grouped.text(r.used_bytes)) of \(Grouped.text(r.budget_bytes)) bytes "
                + "(\(Self.percent(r.used_bytes, of: r.budget_bytes))\(r.fits ? "" : ", over"))"
        }.joined(separator: "; ")
    }

    /// The table's verdict cell: `fits`, or every problem (`SRAM too small, Flash too small`).
    public var verdictCell: String { fits ? "fits" : problems.joined(separator: ", ") }

    /// `used` as a percentage of `budget`, one decimal (`12.3%`).
    static func percent(_ used: Int, of budget: Int) -> String {
        guard budget > 0 else { return "-" }
        let tenths = (used * 1000 + budget / 2) / budget
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `fits nucleo-l4r5zi: SRAM 37,256 of 622,592 bytes (6.0%, 585,336 free); Flash ...`.
    public var line: String {
        let sram = "SRAM \(Grouped.text(sram_used_bytes)) of \(Grouped.text(sram_budget_bytes)) bytes "
            + "(\(Self.percent(sram_used_bytes, of: sram_budget_bytes)), \(margin(sram_used_bytes, sram_budget_bytes)))"
        let flash = "Flash \(Grouped.text(flash_used_bytes)) of \(Grouped.text(flash_budget_bytes)) bytes "
            + "(\(Self.percent(flash_used_bytes, of: flash_budget_bytes)), \(margin(flash_used_bytes, flash_budget_bytes)))"
        var text = "\(fits ? "fits" : "does not fit") \(target): \(sram); \(flash)\(exact ? "" : " (estimate)")"
        if let block = largest_sram_block_bytes, sram_used_bytes <= sram_budget_bytes, !fits_sram {
            text += "; the arena exceeds the largest contiguous RAM block (\(Grouped.text(block)) bytes)"
        }
        return text
    }

    func margin(_ used: Int, _ budget: Int) -> String {
        used <= budget ? "\(Grouped.text(budget - used)) free" : "\(Grouped.text(used - budget)) over"
    }
}

/// Thousands separators for reports.
public enum Grouped {
    /// `1,234,567`.
    public static func text(_ n: Int) -> String { InspectReport.grouped(n) }
}
