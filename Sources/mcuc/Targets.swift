import ArgumentParser
import Driver

/// `mcuc targets [--json]`: the devices mcuc knows.
struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in target devices.")

    @OptionGroup var output: JSONOptions

    func run() throws {
        try finish(Commands.targets(json: output.json))
    }
}
