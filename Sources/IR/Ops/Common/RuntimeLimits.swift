/// Limits of the C runtime every target shares (`Templates/kernels/`): the ops check them, so a
/// graph that passes `SupportCheck` fits every kernel's parameter struct.
public enum RuntimeLimits {
    /// Highest tensor rank of the generic N-d kernels (`MCUC_MAX_RANK`: transpose, pad, strided
    /// slice, mean, broadcasting). `CBindingTests` checks it equals the C constant.
    public static let maxRank = 8
}
