import MemoryPlanning

/// What `--planner` accepts: `best` (run every placement algorithm, keep the smallest arena) or one
/// `Planner` by name. `allCases` is the list `--help` shows and the parser validates against.
public struct PlannerChoice: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// The one algorithm to run, or nil for the best of all.
    public let planner: Planner?

    /// Every algorithm, keep the smallest arena (the default).
    public static let best = PlannerChoice(planner: nil)

    /// `best`, then every `Planner` in declaration order.
    public static var allCases: [PlannerChoice] { [best] + Planner.allCases.map { PlannerChoice(planner: $0) } }

    public init(planner: Planner?) { self.planner = planner }

    public init?(rawValue: String) {
        if rawValue == "best" {
            self.planner = nil
        } else if let planner = Planner(rawValue: rawValue) {
            self.planner = planner
        } else {
            return nil
        }
    }

    /// `best` or the `Planner`'s name.
    public var rawValue: String { planner?.rawValue ?? "best" }

    public var description: String { rawValue }
}
