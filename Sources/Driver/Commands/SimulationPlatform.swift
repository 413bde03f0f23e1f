/// Where `mcuc simulate --on` builds and runs the emitted C.
public enum SimulationPlatform: String, CaseIterable, Sendable {
    /// The host C compiler (`$CC` or `cc`), run natively.
    case host
}
