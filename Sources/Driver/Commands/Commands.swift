import CodeGen
import IR

/// The CLI's commands as pure-ish functions from options to `CommandOutput` (they read files,
/// never print), so tests run them in process and `mcuc` stays a thin argument parser.
public enum Commands {
    /// mcuc's version (`mcuc --version`; the emitted files name it too).
    public static var version: String { CodeGen.version }

    /// `mcuc inspect MODEL [--json]`.
    public static func inspect(model: String, json: Bool) -> CommandOutput {
        CommandOutput.capturing(file: model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: model)
            let report = InspectReport(graph: graph, model: model)
            return CommandOutput(stdout: json ? JSONOutput.encode(report) : report.renderText(graph: graph))
        }
    }
}
