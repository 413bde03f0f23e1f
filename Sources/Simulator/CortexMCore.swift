import IR

/// A Cortex-M core the qemu engine builds for, with the QEMU machine that emulates it and the
/// memory layout of the programs it runs there (`Templates/qemu/mcuc_<layout>.ld`).
public enum CortexMCore: String, CaseIterable, Sendable, Hashable, Comparable {
    case m0, m3, m4, m7, m33, m55

    /// The QEMU machine (`-M`).
    public var machine: String {
        switch self {
        case .m0: "microbit"
        case .m3: "mps2-an385"
        case .m4: "mps2-an386"
        case .m7: "mps2-an500"
        case .m33: "mps2-an505"
        case .m55: "mps3-an547"
        }
    }

    /// `cortex-m4`, the `-mcpu` of the core QEMU emulates.
    public var cpuName: String { "cortex-" + rawValue }

    /// Floating-point ABI flags: hard float where the core has an FPU (and for Helium).
    var floatFlags: [String] {
        switch self {
        case .m0, .m3: ["-mfloat-abi=soft"]
        case .m4: ["-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"]
        case .m7: ["-mfpu=fpv5-d16", "-mfloat-abi=hard"]
        case .m33, .m55: ["-mfloat-abi=hard"]
        }
    }

    /// The instruction-set extensions of the core (what the kernel variants may use).
    public var features: Target.Features {
        switch self {
        case .m0, .m3: Target.Features(dsp: false, fpu: false, mve: false)
        case .m4, .m7, .m33: Target.Features(dsp: true, fpu: true, mve: false)
        case .m55: Target.Features(dsp: true, fpu: true, mve: true)
        }
    }

    /// The linker script of the machine's memory layout.
    public var linkerScript: String {
        switch self {
        case .m0: "mcuc_microbit.ld"
        case .m3, .m4, .m7: "mcuc_mps2.ld"
        case .m33: "mcuc_an505.ld"
        case .m55: "mcuc_an547.ld"
        }
    }

    /// Bytes of RAM the layout gives the program's data, arena and stack.
    public var ramBytes: Int { self == .m0 ? 16 * 1024 : 4 * 1024 * 1024 }

    /// Bytes of stack the layout reserves at the top of RAM.
    public var stackBytes: Int { self == .m0 ? 2 * 1024 : 64 * 1024 }

    /// `Cortex-M4 on mps2-an386`.
    public var displayName: String { "Cortex-\(rawValue.uppercased()) on \(machine)" }

    /// The core a target's core runs on under QEMU (a Cortex-M0+ runs on the M0 machine).
    public init(_ core: Target.Core) {
        switch core {
        case .cortexM0Plus: self = .m0
        case .cortexM4: self = .m4
        case .cortexM7: self = .m7
        case .cortexM33: self = .m33
        case .cortexM55: self = .m55
        }
    }

    public static func < (lhs: CortexMCore, rhs: CortexMCore) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What the qemu engine compiles for and runs on: a QEMU core and the `-mcpu` of the code, which
/// differs from the emulated core only for a Cortex-M0+ target (same ARMv6-M instruction set, run
/// on QEMU's Cortex-M0).
public struct QemuPlatform: Sendable, Hashable {
    public var core: CortexMCore
    /// The `-mcpu` value the code is compiled with.
    public var cpu: String

    /// The core itself (`-mcpu=cortex-m4` on mps2-an386).
    public init(core: CortexMCore) {
        self.core = core
        self.cpu = core.cpuName
    }

    /// The QEMU platform for a target's core.
    public init(target core: Target.Core) {
        self.core = CortexMCore(core)
        self.cpu = core.rawValue
    }

    /// One line for people when the code's core differs from the emulated one, else nil.
    public var note: String? {
        guard cpu != core.cpuName else { return nil }
        return "\(cpu) code runs on QEMU's \(core.cpuName) (\(core.machine)): the same ARMv6-M instruction set; "
            + "counts are instructions, not \(cpu) cycles"
    }

    /// Code-generation flags (`-mcpu`, `-mthumb`, float ABI).
    public var compilerFlags: [String] { ["-mcpu=\(cpu)", "-mthumb"] + core.floatFlags }
}
