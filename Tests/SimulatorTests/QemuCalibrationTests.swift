import CodeGen
import Foundation
import IR
import Simulator
import Testing
import TestSupport

/// The instruction counts are exact: a model whose invoke function is hand-written assembly with
/// a known number of instructions between the step markers, linked with the real harness and
/// glue, is counted to the instruction on every core, twice the same. A guest fault and a guest
/// that never returns are one-line errors, never a hang or a pass.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuCalibrationTests {
    /// 1 push + 5 before the first marker; 7 and 3 in the two steps; 2 + the return after.
    static let body = """
        ".syntax unified\\n"
        "push {r4, lr}\\n"
        ".rept 5\\n adds r0, r0, #0\\n .endr\\n"
        MARK
        ".rept 7\\n adds r0, r0, #0\\n .endr\\n"
        MARK
        ".rept 3\\n adds r0, r0, #0\\n .endr\\n"
        MARK
        "adds r0, r0, #0\\n"
        "movs r0, #0\\n"
        "pop {r4, pc}\\n"
        """
    static let expected = InstructionProfile(total: 19, prologue: 6, steps: [7, 3], epilogue: 3)

    /// The example model's sources with the function the harness calls replaced by `body` (MARK: a
    /// call of the step marker in the profile program, nothing otherwise): `<prefix>_invoke` with
    /// the caller's I/O buffers, else `<prefix>_run` (zero-copy; its accessors point at the arena).
    static func fakeSources(body: String, externalIO: Bool = true) throws -> GeneratedSources {
        let path = SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path
        var sources = try QemuTesting.sources(try HostTesting.load(path), path: path, externalIO: externalIO)
        let prefix = sources.prefix
        let marker = "\n#ifdef MCUC_STEP_MARKER\n\"bl mcuc_qemu_step\\n\"\n#endif\n"
        let entry = externalIO
            ? "int \(prefix)_invoke(UNUSED const int8_t *in0, UNUSED int8_t *out0, UNUSED uint8_t *arena)"
            : "int \(prefix)_run(UNUSED uint8_t *arena)"
        let accessors = externalIO ? "" : """
            void *\(prefix)_input(uint8_t *arena, UNUSED int index) { return arena; }
            const void *\(prefix)_output(const uint8_t *arena, UNUSED int index) { return arena; }

            """
        let text = """
            /* A fake model: its entry function is a known instruction sequence. */
            #include <stdint.h>
            #include "\(prefix).h"
            #define UNUSED __attribute__((unused))
            \(accessors)__attribute__((naked)) \(entry)
            {
                __asm__ volatile(
            \(body.replacingOccurrences(of: "MARK", with: marker))
                );
            }

            """
        let index = try #require(sources.files.firstIndex { $0.name == "\(prefix).c" })
        sources.files[index].text = text
        return sources
    }

    static func build(_ sources: GeneratedSources, core: CortexMCore, timeout: Double = 60) throws -> QemuBuild {
        var options = QemuTesting.options(core)
        options.timeout = timeout
        return try QemuBuild.make(sources, in: HostTesting.scratch("qemu-fake-\(core.rawValue)"), options: options,
                                  programs: [.profile], runtime: try QemuTesting.runtimes[core]!.get())
    }

    static func zeroInputs(_ sources: GeneratedSources, count: Int) -> [[TensorValue]] {
        (0..<count).map { _ in sources.inputs.map { TensorValue.int8($0.shape, Array(repeating: 0, count: $0.shape.elementCount)) } }
    }

    @Test(arguments: CortexMCore.allCases)
    func countsAreExact(_ core: CortexMCore) throws {
        let sources = try Self.fakeSources(body: Self.body)
        let build = try Self.build(sources, core: core)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        let first = try build.run(.profile, inputs: Self.zeroInputs(sources, count: 3))
        let second = try build.run(.profile, inputs: Self.zeroInputs(sources, count: 3))
        #expect(first.profiles == Array(repeating: Self.expected, count: 3), "\(core): \(first.profiles)")
        #expect(second.profiles == first.profiles)
        #expect(first.countedFunction == "\(sources.prefix)_invoke")
    }

    /// In zero-copy mode the harness calls `<prefix>_run`, and that is what is counted.
    @Test func countsTheRunFunctionInZeroCopyMode() throws {
        let sources = try Self.fakeSources(body: Self.body, externalIO: false)
        let build = try Self.build(sources, core: .m4)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        let run = try build.run(.profile, inputs: Self.zeroInputs(sources, count: 2))
        #expect(run.profiles == Array(repeating: Self.expected, count: 2), "\(run.profiles)")
        #expect(run.countedFunction == "\(sources.prefix)_run")
    }

    @Test func aGuestFaultIsAOneLineErrorNamingTheFunction() throws {
        let sources = try Self.fakeSources(body: "\"push {r4, lr}\\n\"\nMARK\n\"udf #1\\n\"\n\"pop {r4, pc}\\n\"")
        let build = try Self.build(sources, core: .m4)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        do {
            _ = try build.run(.profile, inputs: Self.zeroInputs(sources, count: 1))
            Issue.record("a faulting guest passed")
        } catch {
            #expect(error.description.contains("faulted") && error.description.contains("\(sources.prefix)_invoke"),
                    "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aGuestThatNeverReturnsTimesOut() throws {
        let sources = try Self.fakeSources(body: "\"push {r4, lr}\\n\"\nMARK\n\"1: b 1b\\n\"")
        let build = try Self.build(sources, core: .m4, timeout: 2)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        do {
            _ = try build.run(.profile, inputs: Self.zeroInputs(sources, count: 1))
            Issue.record("a looping guest passed")
        } catch {
            #expect(error.description.contains("did not finish"), "\(error)")
        }
    }
}
