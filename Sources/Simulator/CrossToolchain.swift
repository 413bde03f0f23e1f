import Foundation
import IR

/// The tools the qemu engine and the exact memory measurements need: the Arm GNU toolchain with
/// newlib, QEMU's Arm system emulator, and a host C compiler (for the counting plugin).
public struct CrossToolchain: Sendable, Hashable {
    /// `arm-none-eabi-gcc`.
    public var gcc: String
    /// `arm-none-eabi-objdump` (call graph of the built program).
    public var objdump: String
    /// `arm-none-eabi-nm` (symbol addresses).
    public var nm: String
    /// `qemu-system-arm`.
    public var qemu: String
    /// The host C compiler that builds the plugin (`$CC` or `cc`).
    public var hostCC: String

    /// The Debian packages that provide the cross tools.
    public static let packages = "gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm"

    /// The toolchain with everything the qemu engine needs (`qemu: true`) or only the compiler.
    /// Throws `.toolMissing` naming what to install when a tool is not on PATH. Looked up once
    /// per process.
    public static func locate(qemu needsQemu: Bool = true) throws(CompileError) -> CrossToolchain {
        try (needsQemu ? withQemu : compilerOnly).get()
    }

    private static let withQemu = Result { () throws(CompileError) in try search(qemu: true) }
    private static let compilerOnly = Result { () throws(CompileError) in try search(qemu: false) }

    static func search(qemu needsQemu: Bool) throws(CompileError) -> CrossToolchain {
        let hostCC = ProcessInfo.processInfo.environment["CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
        var missing = ["arm-none-eabi-gcc", "arm-none-eabi-objdump", "arm-none-eabi-nm"].filter { !onPath($0) }
        if needsQemu { missing += ["qemu-system-arm", hostCC].filter { !onPath($0) } }
        if missing.isEmpty && !hasNewlib() { missing.append("newlib for arm-none-eabi") }
        guard missing.isEmpty else {
            throw CompileError(.toolMissing, "\(missing.joined(separator: ", ")) not found; install it with "
                + "`apt-get install \(packages)` (or run scripts/install-deps.sh)")
        }
        return CrossToolchain(gcc: "arm-none-eabi-gcc", objdump: "arm-none-eabi-objdump", nm: "arm-none-eabi-nm",
                              qemu: "qemu-system-arm",
                              hostCC: hostCC)
    }

    /// True when `locate(qemu:)` would succeed.
    public static func isAvailable(qemu: Bool = true) -> Bool {
        (try? locate(qemu: qemu)) != nil
    }

    /// True when `name` is an executable on PATH (or an executable path).
    static func onPath(_ name: String) -> Bool {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// newlib's libc.a is where arm-none-eabi-gcc looks for it (libnewlib-arm-none-eabi).
    static func hasNewlib() -> Bool {
        let directory = FileManager.default.temporaryDirectory
        guard let result = try? ProcessRunner.run("arm-none-eabi-gcc", ["-print-file-name=libc.a"], in: directory) else {
            return false
        }
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") && FileManager.default.fileExists(atPath: path)
    }
}
