import IR

/// What a CLI command produced: text for stdout and stderr, and the process exit code
/// (0 success; 1 invalid, unsupported, does not fit or does not match; 2 usage).
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// Runs `body` for the command working on `file`; a `CompileError` becomes one
    /// `error: <file>: <where>: <what>` line on stderr and exit code 1.
    public static func capturing(file: String, _ body: () throws(CompileError) -> CommandOutput) -> CommandOutput {
        do {
            return try body()
        } catch {
            return CommandOutput(stderr: errorLine(file: file, error), exitCode: 1)
        }
    }

    /// `error: model.tflite: op 3 (CONV_2D), tensor 7 'w': ...` plus a newline.
    public static func errorLine(file: String, _ error: CompileError) -> String {
        "error: \(DisplayText.escaped(file)): \(error.description)\n"
    }
}
