import Foundation

/// Golden-text ("snapshot") comparison: goldens are plain text files in a `Goldens` folder beside
/// the test file that uses them, compared exactly, re-recorded by running the tests with
/// `RECORD_SNAPSHOTS=1`.
///
/// ```swift
/// #expect(Snapshot.mismatch(text, golden: "digits_cnn.memory.txt") == nil)
/// ```
///
/// A test target holding goldens excludes its `Goldens` folder in Package.swift (they are read
/// through `#filePath`, not as resources).
public enum Snapshot {
    /// True when this run records goldens instead of comparing (`RECORD_SNAPSHOTS=1`).
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    }

    /// The `Goldens` folder beside the test file `testFile`.
    public static func directory(besides testFile: String) -> URL {
        URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    /// Compares `text` with the golden file `name` beside the calling test file; when recording,
    /// writes `text` there instead. Returns nil when they match (or it was recorded), else what
    /// differs: the first differing line, or a missing file, and how to re-record.
    public static func mismatch(_ text: String, golden name: String, testFile: String = #filePath) -> String? {
        let url = directory(besides: testFile).appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                return nil
            } catch {
                return "cannot record \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden \(url.path) is missing; record it with RECORD_SNAPSHOTS=1"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return nil }
        return "\(name): " + firstDifference(expected: expected, actual: text)
            + " (if the change is intended, re-record with RECORD_SNAPSHOTS=1)"
    }

    /// `line 12: expected "...", got "..."` for the first line that differs.
    static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? "\"\(e[index])\"" : "end of text"
            let right = index < a.count ? "\"\(a[index])\"" : "end of text"
            if left != right { return "line \(index + 1): expected \(left), got \(right)" }
        }
        return "texts differ"
    }
}
