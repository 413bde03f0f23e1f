import Foundation

/// Temporary folders mcuc makes (host builds, a compile's staging folder), removed when the
/// command finishes, fails, or is stopped by SIGINT, SIGTERM or SIGHUP.
public enum ScratchDirectories {
    nonisolated(unsafe) private static var live: Set<String> = []
    /// Set once a signal arrived: the process ends by that signal, not by the command's own exit.
    nonisolated(unsafe) private static var stopping = false

    /// The write end of the pipe the signal handler reports to (-1: not watching).
    nonisolated(unsafe) static var signalPipe: Int32 = -1
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

    /// Blocks for good when a signal is being handled, so that a command failing because its
    /// folder just went away does not exit first: the process then ends by the signal.
    public static func holdIfStopping() {
        guard lock.withLock({ stopping }) else { return }
        while true { pause() }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove every registered folder, then end the process with
    /// that signal's usual status. The handler only writes the signal's number to a pipe (all a
    /// signal handler may safely do); a thread of its own reads it, removes the folders and
    /// re-raises the signal with its default action. Call once, at start-up.
    public static func removeOnSignals() {
        var ends: [Int32] = [0, 0]
        let fresh = lock.withLock { () -> Bool in
            guard signalPipe < 0, pipe(&ends) == 0 else { return false }
            signalPipe = ends[1]
            return true
        }
        guard fresh else { return }
        let readEnd = ends[0]
        Thread.detachNewThread {
            var number: Int32 = 0
            guard read(readEnd, &number, MemoryLayout<Int32>.size) == MemoryLayout<Int32>.size else { return }
            let folders = lock.withLock { () -> Set<String> in
                stopping = true
                return live
            }
            // The command may still be writing into a folder while it goes: try until it is gone.
            for path in folders {
                for _ in 0..<50 where FileManager.default.fileExists(atPath: path) {
                    try? FileManager.default.removeItem(atPath: path)
                    usleep(20_000)
                }
            }
            signal(number, SIG_DFL)
            kill(getpid(), number)
        }
        // A parent may have started mcuc with these signals blocked (the mask is inherited):
        // unblock them, or they would stay pending for good.
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = { received in
                var value = received
                _ = write(ScratchDirectories.signalPipe, &value, MemoryLayout<Int32>.size)
            }
            #else
            action.__sigaction_u.__sa_handler = { received in
                var value = received
                _ = write(ScratchDirectories.signalPipe, &value, MemoryLayout<Int32>.size)
            }
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }
}
