import ArgumentParser
import Driver

/// `mcuc operators [--json | --markdown]`: the operators mcuc compiles, with types and options.
struct Operators: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the supported operators, their types and options.")

    @OptionGroup var output: JSONOptions

    @Flag(help: "Print the table as GitHub markdown (the README's operator table).")
    var markdown = false

    func run() throws {
        try finish(Commands.operators(json: output.json, markdown: markdown))
    }
}
