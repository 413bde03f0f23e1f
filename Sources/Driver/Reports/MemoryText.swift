/// One-line texts of a model's memory, shared by the plan, compile and simulate reports.
enum MemoryText {
    /// `SRAM for the model: 37,428 bytes = arena 37,256 + static 0 + stack 172 (from the ELF)`.
    static func sram(_ s: SRAMBytes) -> String {
        "SRAM for the model: \(Grouped.text(s.total)) bytes = arena \(Grouped.text(s.arena)) + static "
            + "\(Grouped.text(s.static))\(s.state > 0 ? " (state \(Grouped.text(s.state)))" : "") + stack \(Grouped.text(s.stack))"
            + (s.io_buffers > 0 ? " + your input and output buffers \(Grouped.text(s.io_buffers))" : "")
            + " (\(s.exact ? "from the ELF" : "stack estimated"))"
    }
}
