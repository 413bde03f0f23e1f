/// Where `mcuc simulate --on` builds and runs the emitted C.
public enum SimulationPlatform: String, CaseIterable, Sendable {
    /// The host C compiler (`$CC` or `cc`), run natively.
    case host
    /// arm-none-eabi-gcc for a Cortex-M core, run under QEMU with instruction counting.
    case qemu
}
