import IR

/// The stable text form of `GeneratedSources` (`--dump-after codegen` and golden tests): what was
/// emitted, not the C itself (that is what `mcuc compile` writes).
///
/// A header, the `<prefix>_invoke` interface, the `.c` files in build order, then one line per
/// library file in name order with its size in bytes (UTF-8, as written):
///
/// ```
/// sources prefix=digits files=9 arena=4096 constants=5432
/// input t0 int8 [1, 28, 28, 1] bytes=784
/// output t9 int8 [1, 10] bytes=10
/// build digits.c digits_weights.c mcuc_conv2d.c
/// file CMakeLists.txt bytes=412
/// ```
///
/// The host harness files are not listed (`mcuc compile` never writes them). File names derive
/// from the sanitized prefix and are escaped anyway. The same sources always give the same text.
public enum GeneratedSourcesText {
    /// Renders `sources`, every line ending in a newline.
    public static func render(_ sources: GeneratedSources) -> String {
        var lines = ["sources prefix=\(DisplayText.escaped(sources.prefix)) files=\(sources.files.count) "
            + "arena=\(sources.arenaBytes) constants=\(sources.constantBytes)"]
        lines += sources.inputs.map { "input " + interfaceText($0) }
        lines += sources.outputs.map { "output " + interfaceText($0) }
        lines.append((["build"] + sources.librarySources.map { DisplayText.escaped($0) }).joined(separator: " "))
        for file in sources.files.sorted(by: { $0.name < $1.name }) {
            lines.append("file \(DisplayText.escaped(file.name)) bytes=\(file.text.utf8.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `t0 int8 [1, 28, 28, 1] bytes=784`.
    static func interfaceText(_ tensor: InterfaceTensor) -> String {
        "\(tensor.tensor) \(tensor.type) \(tensor.shape) bytes=\(tensor.bytes)"
    }
}
