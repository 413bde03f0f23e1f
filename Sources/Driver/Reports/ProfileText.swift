import IR
import Simulator

/// The text of `mcuc simulate --on qemu`: the verdict, instructions, exact memory, and the
/// per-step profile table.
enum ProfileText {
    static func render(_ r: SimulateReport, platform: QemuPlatform) -> String {
        var text = "simulated \(DisplayText.escaped(r.model)) under QEMU on \(platform.core.displayName) "
            + "(arm-none-eabi-gcc -O2 -mcpu=\(platform.cpu)), \(r.inputs) seeded random input\(r.inputs == 1 ? "" : "s") "
            + "(seed \(r.seed)), target \(r.target)\n"
        if let note = platform.note { text += "note: \(note)\n" }
        text += Commands.verdictText(r)
        if let instructions = r.instructions, let macs = r.macs {
            let all = r.instructions_per_inference ?? [instructions]
            let range = all.min() == all.max() ? "" : " (\(Grouped.text(all.min() ?? 0))-\(Grouped.text(all.max() ?? 0)) over the inputs)"
            text += "instructions per inference: \(Grouped.text(instructions))\(range), \(Grouped.text(macs)) MACs, "
                + "\(decimals(ProfileLayer.ratio(macs, instructions, places: 3))) MACs per instruction\n"
        }
        text += memoryText(r)
        guard let layers = r.layers, let total = r.instructions else { return text }
        return text + "\n" + table(layers, r: r, total: total) + "\n"
            + "instructions inside \(r.counted_function ?? "the model's entry function") for the first input, counted by "
            + "a QEMU plugin; the 2 instructions of each step marker are excluded\n"
    }

    /// `value` with exactly three decimals.
    static func decimals(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The Flash and SRAM lines.
    static func memoryText(_ r: SimulateReport) -> String {
        let flash = r.flash_bytes
        var text = "flash (from the ELF): code \(Grouped.text(flash.code)) bytes, constants \(Grouped.text(flash.constants)) bytes"
        if let library = flash.library_code { text += " (+ \(Grouped.text(library)) bytes of C library helpers)" }
        text += "\n"
        guard let s = r.sram_bytes else { return text }
        let parts = [s.arena, s.static, s.stack].map { Grouped.text($0) }
        text += "sram (from the ELF): arena \(parts[0]) + static \(parts[1]) + stack \(parts[2]) = \(Grouped.text(s.total)) bytes"
        if let measured = r.stack_measured_bytes { text += " (stack measured on the core: \(Grouped.text(measured)))" }
        return text + "\n"
    }

    static func table(_ layers: [ProfileLayer], r: SimulateReport, total: Int) -> String {
        var table = TextTable(headers: ["step", "op", "operator", "kernel", "MACs", "instructions", "MACs/instr", "share",
                                        "live bytes"], rightAligned: [0, 1, 4, 5, 6, 7, 8])
        func percent(_ share: Double) -> String {
            let tenths = Int((share * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        for l in layers {
            let variant = l.variant.map { $0 == "portable" ? "" : " (\($0))" } ?? ""
            table.add([String(l.step), String(l.op_index), l.op, l.kernel + variant, Grouped.text(l.macs), Grouped.text(l.instructions),
                       l.macs > 0 ? decimals(l.macs_per_instruction) : "", percent(l.share), Grouped.text(l.live_bytes)])
        }
        for (label, count) in [("before the steps", r.before_steps_instructions), ("after the steps", r.after_steps_instructions)] {
            guard let count else { continue }
            table.add(["", "", label, "", "", Grouped.text(count), "", percent(ProfileLayer.ratio(count, total, places: 4)), ""])
        }
        table.add(["", "", "total", "", Grouped.text(r.macs ?? 0), Grouped.text(total),
                   decimals(ProfileLayer.ratio(r.macs ?? 0, total, places: 3)), "100.0%", ""])
        return table.render()
    }
}
