import CodeGen
import Foundation
import IR

/// Every runtime kernel compiled once for one core, so that many models can be built for it by
/// compiling only their own files (the tests build dozens of models per core). The link keeps
/// only the kernel functions a model calls.
public struct QemuRuntime: Sendable {
    public var directory: URL
    public var options: QemuBuildOptions

    /// Compiles the kernel sources of `CodeGen.runtimeFiles` into `directory` (created).
    public static func make(in directory: URL, options: QemuBuildOptions) throws(CompileError) -> QemuRuntime {
        let toolchain = try CrossToolchain.locate(qemu: false)
        let files = CodeGen.runtimeFiles.filter { !$0.name.hasPrefix("mcuc_harness") }
        try QemuBuild.write(files, to: directory)
        let sources = files.map(\.name).filter { $0.hasSuffix(".c") }
        let result = try ProcessRunner.run(toolchain.gcc, options.flags + ["-pedantic", "-I", ".", "-c"] + sources,
                                           in: directory, timeout: 600)
        guard result.status == 0 else {
            throw CompileError(.mismatch, "the \(options.platform.cpu) build of the runtime failed:\n"
                + result.stderr.split(separator: "\n").prefix(20).joined(separator: "\n"))
        }
        return QemuRuntime(directory: directory, options: options)
    }
}
