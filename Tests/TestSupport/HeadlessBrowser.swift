import Foundation

/// Headless Chromium (Debian 12's `chromium-headless-shell`, installed by
/// `scripts/install-deps.sh`, or `chromium`) for tests that load mcuc's HTML in a real browser.
/// Network access is cut off: every host name resolves to nothing.
public struct HeadlessBrowser: Sendable {
    /// What the browser printed.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Console messages and failed loads the page caused (empty for a clean load).
        public var pageProblems: [String] {
            stderr.split(separator: "\n").map(String.init).filter {
                $0.contains(":CONSOLE") || $0.contains("Failed to load resource") || $0.contains("net::ERR_")
                    || $0.contains("Uncaught")
            }
        }
    }

    public let executable: String

    /// The browser named by `MCUC_CHROMIUM`, else the first of the known names on `PATH`.
    public static func find() -> HeadlessBrowser? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["MCUC_CHROMIUM"] { return HeadlessBrowser(executable: path) }
        let directories = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"] {
            for dir in directories where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return HeadlessBrowser(executable: "\(dir)/\(name)")
            }
        }
        return nil
    }

    /// Loads `file` and prints its DOM after scripts ran (`--dump-dom`).
    public func dumpDOM(_ file: URL) throws -> Run {
        try run(["--dump-dom", file.absoluteString])
    }

    /// Loads `file` in a `width` x `height` window and writes a PNG of it to `png`.
    public func screenshot(_ file: URL, to png: URL, width: Int, height: Int) throws -> Run {
        try run(["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", file.absoluteString])
    }

    /// Runs the browser with a throw-away profile; output goes through files (no pipe can fill).
    func run(_ arguments: [String]) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"] + arguments
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
                   stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
