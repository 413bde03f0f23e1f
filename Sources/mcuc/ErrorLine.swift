import ArgumentParser
import Driver
import Foundation

/// swift-argument-parser's multi-line `Error:` / `Help:` / `Usage:` blocks as one line, as the
/// README promises for every error.
enum ErrorLine {
    /// The message's sentences on one line, the `- value` list joined with commas, without the
    /// `Error:` label and the usage and help lines.
    static func flatten(_ message: String) -> String {
        var sentences: [String] = [], choices: [String] = []
        for line in message.split(separator: "\n") {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("Usage:") || text.hasPrefix("Help:") || text.hasPrefix("See '") { continue }
            if text.hasPrefix("- ") {
                choices.append(String(text.dropFirst(2)))
                continue
            }
            if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
            sentences.append(text)
        }
        let joined = sentences.joined(separator: " ")
        return choices.isEmpty ? joined : joined + " " + choices.joined(separator: ", ")
    }
}

/// Checks the parser cannot make itself: negative numbers (which it would take for options and
/// report as a missing value) and `mcuc help NAME` for an unknown NAME (which it would answer
/// with the root help and status 0).
enum CommandLineChecks {
    static func check(_ arguments: [String], subcommands: [String]) throws(UsageError) {
        for (index, argument) in arguments.enumerated() where isNegativeNumber(argument) {
            let previous = index > 0 ? arguments[index - 1] : ""
            if previous.hasPrefix("-") {
                throw UsageError("\(previous) \(argument): negative values are not accepted")
            }
            throw UsageError("\(argument): negative values are not accepted")
        }
        if arguments.first == "help", arguments.count > 1, !subcommands.contains(arguments[1]) {
            throw UsageError("help: unknown command '\(arguments[1])'; commands: " + subcommands.joined(separator: ", "))
        }
    }

    /// `-1`, `-5K`, `-0.5`: what a user means as a negative number, never an mcuc option.
    static func isNegativeNumber(_ argument: String) -> Bool {
        let rest = argument.dropFirst()
        guard argument.hasPrefix("-"), let first = rest.first else { return false }
        return first.isNumber || (first == "." && rest.dropFirst().first?.isNumber == true)
    }
}
