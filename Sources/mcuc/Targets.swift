import ArgumentParser
import Driver

/// `mcuc targets [--json]`: the devices mcuc knows.
struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in target devices.")

    @Flag(help: "Print JSON (\"version\": 1) instead of a table.")
    var json = false

    func run() throws {
        try finish(Commands.targets(json: json))
    }
}
