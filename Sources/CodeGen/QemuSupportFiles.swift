/// The files of `Templates/qemu/`: what the qemu engine adds around a generated model to run it on
/// an emulated Cortex-M core (startup code, semihosting, the harness, profiling markers, linker
/// scripts), and the source of the host-side instruction-counting QEMU plugin.
public enum QemuSupportFiles {
    /// The plugin's C source file name (host C, built into a shared library; never on the guest).
    public static let pluginSource = "mcuc_icount_plugin.c"

    /// The text of `Templates/qemu/<name>`.
    public static func text(_ name: String) -> String {
        guard let text = TemplateLibrary.files["qemu/" + name] else {
            preconditionFailure("qemu support file \(name) is not embedded")
        }
        return text
    }

    /// Every guest-side file (C sources, headers, linker scripts), sorted by name.
    public static var guestFiles: [GeneratedFile] {
        TemplateLibrary.files.keys.filter { $0.hasPrefix("qemu/") }.sorted().compactMap { path in
            let name = String(path.dropFirst("qemu/".count))
            return name == pluginSource ? nil : GeneratedFile(name: name, text: text(name))
        }
    }

    /// The guest-side C sources, in build order.
    public static var guestSources: [String] {
        guestFiles.map(\.name).filter { $0.hasSuffix(".c") }
    }
}
