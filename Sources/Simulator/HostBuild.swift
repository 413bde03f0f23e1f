import CodeGen
import Foundation
import IR

/// How the harness is compiled.
public struct HostBuildOptions: Sendable, Hashable {
    /// The C compiler (`cc`, `gcc`, `clang`, or a path); `$CC` when set, else `cc`.
    public var compiler: String
    /// Optimization flag.
    public var optimization: String
    /// Adds `-pedantic`.
    public var pedantic: Bool
    /// Builds with `-fsanitize=address,undefined` (and `-fno-sanitize-recover=all`, `-g`).
    public var sanitize: Bool

    public init(compiler: String? = nil, optimization: String = "-O2", pedantic: Bool = true, sanitize: Bool = false) {
        self.compiler = compiler ?? ProcessInfo.processInfo.environment["CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
        self.optimization = optimization
        self.pedantic = pedantic
        self.sanitize = sanitize
    }

    /// Every flag of the compile line except the files.
    public var flags: [String] {
        var flags = ["-std=c99", optimization, "-Wall", "-Wextra", "-Werror"]
        if pedantic { flags.append("-pedantic") }
        if sanitize { flags += ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-g"] }
        return flags + ["-DMCUC_TRACE=mcuc_harness_trace"]
    }
}

/// A compiled harness for one generated model, in its own folder.
public struct HostBuild: Sendable {
    public var directory: URL
    public var executable: URL
    public var sources: GeneratedSources
    public var options: HostBuildOptions

    /// Writes the library and harness files into `directory` (created) and compiles them (only
    /// the model's own files when a prebuilt `runtime` is given; its options win).
    /// Throws `.mismatch` with the compiler's messages when the build fails or warns.
    public static func make(_ sources: GeneratedSources, in directory: URL, options: HostBuildOptions = HostBuildOptions(),
                            runtime: HostRuntime? = nil) throws(CompileError) -> HostBuild {
        let options = runtime?.options ?? options
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in sources.files + sources.harnessFiles {
                try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
            }
        } catch {
            throw CompileError(.badInput, "cannot write the generated C into '\(directory.path)': \(SystemErrorText.reason(error))")
        }
        let executable = directory.appendingPathComponent("mcuc_harness")
        let cFiles: [String]
        if let runtime {
            let own = ["\(sources.fileStem).c", "\(sources.fileStem)_weights.c", "mcuc_harness_model.c"]
            cFiles = own + runtime.objects.map(\.path)
        } else {
            cFiles = sources.librarySources + ["mcuc_harness.c", "mcuc_harness_model.c"]
        }
        let arguments = options.flags + ["-I", "."] + cFiles + ["-o", executable.lastPathComponent]
        let result = try ProcessRunner.run(options.compiler, arguments, in: directory)
        guard result.status == 0 else {
            let messages = (result.stderr + result.stdout).split(separator: "\n").prefix(20).joined(separator: "\n")
            throw CompileError(.mismatch, "the host build of the generated C failed (\(options.compiler) exit \(result.status)):\n"
                + messages)
        }
        return HostBuild(directory: directory, executable: executable, sources: sources, options: options)
    }
}
