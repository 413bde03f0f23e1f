import Lowering
import Mustache
import Templates

/// The files of `Templates/`, compiled into the binary (`EmbeddedTemplates`), and the mustache
/// skeletons among them parsed once.
enum TemplateLibrary {
    /// Text of every template file by path (`kernels/portable/mcuc_conv2d.c`, `model.c.mustache`).
    static let files: [String: String] = Dictionary(uniqueKeysWithValues: EmbeddedTemplates.files.map { ($0.path, $0.text) })

    /// The mustache skeletons by name without the extension (`model.c`).
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (path, text) in EmbeddedTemplates.files where path.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("template \(path) does not parse: \(error)")
            }
        }
        return library
    }()

    /// Headers every model gets (the fixed-point helpers are header-only).
    static let sharedHeaders = ["mcuc_common.h", "mcuc_fixedpoint.h", "mcuc_gemmlowp.h"]

    /// Where runtime files live: shared headers and the family contracts, the portable kernels,
    /// the Arm variants (DSP, Helium), the host harness. Emitted files keep only their names.
    static let runtimeFolders = ["kernels/common/", "kernels/portable/", "kernels/arm/", "harness/"]

    /// The text of a runtime file (`mcuc_conv2d.c`, `mcuc_harness.c`), looked up in `runtimeFolders`.
    static func runtimeFile(_ name: String) -> String {
        guard let text = runtimeFolders.lazy.compactMap({ files[$0 + name] }).first else {
            preconditionFailure("runtime file \(name) is not embedded")
        }
        return text
    }

    /// The source file that defines `function`: the one file of a portable family, or the file
    /// among its variant's parts (`KernelFamily.sources`) whose text defines the symbol.
    static func source(of function: KernelFunction) -> String {
        let names = function.family.sources(function.variant)
        guard names.count > 1 else { return names[0] }
        guard let name = names.first(where: { runtimeFile($0).contains("mcuc_status \(function.symbol)(") }) else {
            preconditionFailure("\(function.symbol) is defined in none of \(names)")
        }
        return name
    }

    /// `view` rendered with template `name`.
    static func render(_ name: String, _ view: Any) -> String {
        guard let text = library.render(view, withTemplate: name) else {
            preconditionFailure("template \(name) is not embedded")
        }
        return text
    }
}
