extension Commands {
    /// Checks a `--dump-after` request: the stage must be one the command runs (`allowed`), and no
    /// option asking for output the stopped run would never produce may be given with it.
    ///
    /// `--dump-after STAGE` prints exactly that stage's text on stdout and stops there: no later
    /// stage runs, no report is printed and no file is written. `conflicts` pairs each such option's
    /// spelling with whether it was given.
    static func validateDumpAfter(_ stage: PipelineStage?, allowed: [PipelineStage],
                                  conflicts: [(option: String, given: Bool)]) throws(UsageError) {
        guard let stage else { return }
        do {
            _ = try PipelineStage.named(stage.rawValue, allowed: allowed)
        } catch {
            throw UsageError("--dump-after: " + error.message)
        }
        let given = conflicts.filter(\.given).map(\.option)
        if !given.isEmpty {
            throw UsageError("--dump-after prints one stage and stops before any report or file; "
                + "drop " + given.joined(separator: ", "))
        }
    }
}
