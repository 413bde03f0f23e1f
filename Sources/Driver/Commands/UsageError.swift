/// A command-line mistake (unknown name, malformed value): exit code 2.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
