import CodeGen
import Foundation
import IR

/// How the qemu engine compiles a model.
public struct QemuBuildOptions: Sendable, Hashable {
    public var platform: QemuPlatform
    /// Optimization flag (`-O2`, as the reference measurements use).
    public var optimization: String
    /// Seconds one QEMU run may take before it is killed.
    public var timeout: Double
    /// The linker script: the machine's memory layout, or `measureLayout` for programs that are
    /// only measured, never run (any model fits it).
    public var linkerScript: String

    /// The layout of measurement-only programs.
    public static let measureLayout = "mcuc_measure.ld"

    public init(platform: QemuPlatform, optimization: String = "-O2", timeout: Double = 300, linkerScript: String? = nil) {
        self.platform = platform
        self.optimization = optimization
        self.timeout = timeout
        self.linkerScript = linkerScript ?? platform.core.linkerScript
    }

    /// Flags of every guest compile: the core's, C99, warnings as errors, one section per
    /// function and object (so the link keeps only what the model uses), stack-usage files.
    public var flags: [String] {
        platform.compilerFlags + [optimization, "-std=c99", "-Wall", "-Wextra", "-Werror", "-ffunction-sections",
                                  "-fdata-sections", "-fstack-usage"]
    }
}

/// The three programs built around one model: identical but for what `<prefix>_invoke` calls
/// between steps.
public enum QemuProgram: String, CaseIterable, Sendable, Hashable {
    /// Nothing: the model as a user builds it (exact Flash, SRAM and stack are read from it).
    case plain
    /// Every arena tensor is written to a host file after its step (bit-exact checks).
    case check
    /// An empty marker function is called before the first and after every step (instruction
    /// counts per step).
    case profile

    /// The model file's compile defines.
    var defines: [String] {
        switch self {
        case .plain: []
        case .check: ["-DMCUC_TRACE=mcuc_harness_trace"]
        case .profile: ["-DMCUC_STEP_MARKER=mcuc_qemu_step"]
        }
    }
}

/// A model built for an emulated Cortex-M core, in its own folder: `<program>.elf` and
/// `<program>.map` for each program built.
public struct QemuBuild: Sendable {
    public var directory: URL
    public var sources: GeneratedSources
    public var options: QemuBuildOptions
    public var toolchain: CrossToolchain
    /// The programs built.
    public var programs: Set<QemuProgram>
    /// The prebuilt kernels' folder, when the build linked against one.
    public var runtimeDirectory: URL?

    /// The ELF file of `program`.
    public func elf(_ program: QemuProgram) -> URL { directory.appendingPathComponent("\(program.rawValue).elf") }
    /// The linker map of `program`.
    public func map(_ program: QemuProgram) -> URL { directory.appendingPathComponent("\(program.rawValue).map") }

    /// Writes the model, the harness and the support files into `directory` (created), compiles
    /// them with arm-none-eabi-gcc (the kernels only when no prebuilt `runtime` is given) and links
    /// `programs`. Throws `.toolMissing` without the toolchain, `.doesNotFit` when the program does
    /// not fit the machine's memory, `.mismatch` with the compiler's messages when a compile warns.
    public static func make(_ sources: GeneratedSources, in directory: URL, options: QemuBuildOptions,
                            programs: Set<QemuProgram> = Set(QemuProgram.allCases),
                            runtime: QemuRuntime? = nil) throws(CompileError) -> QemuBuild {
        let toolchain = try CrossToolchain.locate(qemu: false)
        if let runtime { precondition(runtime.options.flags == options.flags, "the runtime was built with other flags") }
        let hostOnly: Set<String> = ["mcuc_harness.c"]
        let files = sources.files + sources.harnessFiles.filter { !hostOnly.contains($0.name) } + QemuSupportFiles.guestFiles
        try write(files, to: directory)
        let build = QemuBuild(directory: directory, sources: sources, options: options, toolchain: toolchain,
                              programs: programs, runtimeDirectory: runtime?.directory)
        let shared = try build.compileShared(runtime: runtime)
        for program in programs.sorted(by: { $0.rawValue < $1.rawValue }) {
            let model = "\(sources.fileStem)_\(program.rawValue).o"
            try build.gcc(options.flags + ["-pedantic"] + program.defines + ["-I", ".", "-c", "\(sources.fileStem).c", "-o", model],
                          what: "the model")
            try build.link(program, objects: [model] + shared)
        }
        return build
    }

    /// Compiles everything but the model file; returns the objects to link (paths).
    func compileShared(runtime: QemuRuntime?) throws(CompileError) -> [String] {
        let kernels = sources.librarySources.filter { $0 != "\(sources.fileStem).c" && $0 != "\(sources.fileStem)_weights.c" }
        let model = ["\(sources.fileStem)_weights.c"] + (runtime == nil ? kernels : [])
        try gcc(options.flags + ["-pedantic", "-I", ".", "-c"] + model, what: "the generated C")
        let harness = ["mcuc_harness_model.c"] + QemuSupportFiles.guestSources
        try gcc(options.flags + harnessDefines + ["-I", ".", "-c"] + harness, what: "the qemu harness")
        var objects = (model + harness).map { String($0.dropLast(2)) + ".o" }
        if let runtime {
            objects += kernels.map { runtime.directory.appendingPathComponent(String($0.dropLast(2)) + ".o").path }
        }
        return objects
    }

    /// The harness's buffer sizes.
    var harnessDefines: [String] {
        ["-DMCUC_QEMU_ARENA_BYTES=\(sources.arenaBytes)",
         "-DMCUC_QEMU_INPUT_BYTES=\(sources.inputs.reduce(0) { $0 + $1.bytes })",
         "-DMCUC_QEMU_OUTPUT_BYTES=\(sources.outputs.reduce(0) { $0 + $1.bytes })"]
    }

    func link(_ program: QemuProgram, objects: [String]) throws(CompileError) {
        let arguments = options.flags + objects + [
            "-nostartfiles", "-T", options.linkerScript, "-Wl,--gc-sections", "-Wl,--no-warn-rwx-segments",
            "-Wl,-Map=\(program.rawValue).map", "-o", "\(program.rawValue).elf",
        ]
        let result = try ProcessRunner.run(toolchain.gcc, arguments, in: directory, timeout: 300)
        guard result.status == 0 else {
            let messages = (result.stderr + result.stdout).split(separator: "\n")
            if messages.contains(where: { $0.contains("do not fit") || $0.contains("overflowed by") }) {
                throw CompileError(.doesNotFit, "the model does not fit \(options.platform.core.displayName) "
                    + "(\(options.platform.core.ramBytes / 1024) KB RAM for data, arena and stack): "
                    + messages.filter { $0.contains("do not fit") || $0.contains("overflowed by") }.prefix(2).joined(separator: "; "))
            }
            throw CompileError(.mismatch, "linking the \(program.rawValue) program failed:\n"
                + messages.prefix(20).joined(separator: "\n"))
        }
    }

    func gcc(_ arguments: [String], what: String) throws(CompileError) {
        let result = try ProcessRunner.run(toolchain.gcc, arguments, in: directory, timeout: 600)
        guard result.status == 0 else {
            let messages = (result.stderr + result.stdout).split(separator: "\n").prefix(20).joined(separator: "\n")
            throw CompileError(.mismatch, "the \(options.platform.cpu) build of \(what) failed "
                + "(\(toolchain.gcc) exit \(result.status)):\n" + messages)
        }
    }

    static func write(_ files: [GeneratedFile], to directory: URL) throws(CompileError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files {
                try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
            }
        } catch {
            throw CompileError(.badInput, "cannot write the generated C into '\(directory.path)': \(error.localizedDescription)")
        }
    }
}
