import CodeGen
import IR

/// Builds emitted C with the host compiler, runs it and compares it with the reference.
public enum Simulator {}
