import Foundation

/// Temporary folders mcuc makes (host builds, a compile's staging folder), removed when the
/// command finishes, fails, or is stopped by SIGINT, SIGTERM or SIGHUP.
public enum ScratchDirectories {
    nonisolated(unsafe) private static var live: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let lock = NSLock()

    /// Remember `folder` for removal on a signal.
    static func register(_ folder: URL) {
        lock.withLock { _ = live.insert(folder.path) }
    }

    /// Removes `folder` (and its contents) now and forgets it.
    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        lock.withLock { _ = live.remove(folder.path) }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove every registered folder, then end the process with
    /// that signal's usual status. Call once, at start-up.
    public static func removeOnSignals() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let folders = lock.withLock { live }
                    for path in folders { try? FileManager.default.removeItem(atPath: path) }
                    signal(number, SIG_DFL)
                    kill(getpid(), number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
