import CodeGen
import Foundation
import IR
import Lowering
import Simulator

/// Flash and SRAM of a compiled model on its target's core, as every report states them: read
/// from the ELF of the model built with arm-none-eabi-gcc -O2 for the core when the toolchain is
/// installed (`exact`), else estimated (`FlashEstimate`'s code-size model, `StackEstimate`).
public struct ModelMemory: Sendable, Hashable {
    /// True when read from the ELF.
    public var exact: Bool
    /// Machine code of the model file and its kernels.
    public var codeBytes: Int
    /// Constant tables and parameter blocks.
    public var constantBytes: Int
    public var arenaBytes: Int
    /// Static data outside the arena (`.data`, `.bss`), the model's state buffer included.
    public var staticBytes: Int
    /// The model's state buffer (its variable tensors, kept between invokes): part of `staticBytes`.
    public var stateBytes = 0
    /// The deepest stack of `<prefix>_invoke`.
    public var stackBytes: Int
    /// The application's input and output buffers with `--external-io` (0 when they live in the arena).
    public var callerBufferBytes = 0
    /// C library and libgcc code the model reaches (exact only).
    public var libraryCodeBytes: Int?
    /// The deepest call chain (exact only).
    public var stackPath: [String]?
    /// The `-mcpu` the model was built for (exact only).
    public var cpu: String?

    public var flashBytes: Int { codeBytes + constantBytes }
    public var sramBytes: Int { arenaBytes + staticBytes + stackBytes + callerBufferBytes }

    /// `exact` or `estimate`, for text reports.
    public var source: String { exact ? "from the ELF, \(cpu ?? "")" : "estimate" }

    /// The estimate for a planned model.
    static func estimate(_ planned: PlannedModel, constantBytes: Int? = nil) -> ModelMemory {
        ModelMemory(exact: false, codeBytes: planned.flash.codeBytes, constantBytes: constantBytes ?? planned.flash.constantBytes,
                    arenaBytes: planned.memory.arenaArrayBytes,
                    staticBytes: planned.memory.staticBytes + planned.memory.stateBytes, stateBytes: planned.memory.stateBytes,
                    stackBytes: StackEstimate.bytes, callerBufferBytes: callerBuffers(planned))
    }

    /// The caller's input and output buffers `planned` needs (0 in zero-copy mode).
    static func callerBuffers(_ planned: PlannedModel) -> Int {
        planned.memory.externalIO ? planned.memory.ioBufferBytes : 0
    }
}

extension ModelMemory {
    /// The memory measured from an ELF built with `-mcpu=cpu`.
    init(_ footprint: MemoryFootprint, cpu: String) {
        self.init(exact: true, codeBytes: footprint.codeBytes, constantBytes: footprint.constantBytes,
                  arenaBytes: footprint.arenaBytes, staticBytes: footprint.staticBytes, stackBytes: footprint.stackBytes,
                  libraryCodeBytes: footprint.libraryCodeBytes, stackPath: footprint.stackPath, cpu: cpu)
    }
}

/// How reports obtain Flash and SRAM.
public enum MemorySource: String, Sendable, Hashable, CaseIterable {
    /// From the ELF when arm-none-eabi-gcc is installed, else the estimate.
    case measure
    /// Always the estimate (no cross build).
    case estimate
}

extension Pipeline {
    /// The model's memory on `target`'s core, generating its C first when it is to be measured.
    static func memory(_ planned: PlannedModel, modelPath: String, target: Target,
                       source: MemorySource) throws(CompileError) -> ModelMemory {
        guard source == .measure, CrossToolchain.isAvailable(qemu: false) else {
            return .estimate(planned)
        }
        let sources = try generate(planned, modelPath: modelPath, prefix: nil)
        return try memory(planned, sources: sources, target: target, source: source)
    }

    /// The model's memory on `target`'s core: `sources` built for it and measured (cached by the
    /// sources' and flags' hash), or the estimate when `source` says so or the toolchain is missing.
    static func memory(_ planned: PlannedModel, sources: GeneratedSources, target: Target,
                       source: MemorySource) throws(CompileError) -> ModelMemory {
        guard source == .measure, CrossToolchain.isAvailable(qemu: false) else {
            return .estimate(planned, constantBytes: sources.constantBytes)
        }
        let platform = QemuPlatform(target: target.core)
        let options = QemuBuildOptions(platform: platform, linkerScript: QemuBuildOptions.measureLayout)
        var memory = ModelMemory(try MemoryFootprint.measure(sources, options: options), cpu: platform.cpu)
        memory.arenaBytes = planned.memory.arenaArrayBytes  // every region's array, which the caller declares
        memory.callerBufferBytes = ModelMemory.callerBuffers(planned)
        memory.stateBytes = planned.memory.stateBytes  // the `<prefix>_state` array, inside the measured .bss
        return memory
    }
}
