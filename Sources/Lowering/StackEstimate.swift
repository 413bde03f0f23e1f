/// The stack estimate used when the model cannot be built for its core (no arm-none-eabi-gcc):
/// the deepest `<prefix>_invoke` stack measured from the call graph of every supported shared
/// model on every core (arm-none-eabi-gcc -O2), rounded up. The portable kernels keep their
/// temporaries in the arena, so the stack barely depends on the model.
public enum StackEstimate {
    /// Bytes.
    public static let bytes = 320
}
