import Foundation

/// A file-system error as a user reads it: the operating system's reason (`no such file or
/// directory`, `permission denied`, `is a directory`), never Foundation's domain and code
/// (`NSCocoaErrorDomain error 512`).
public enum SystemErrorText {
    /// The lower-cased POSIX reason behind `error`, or a plain fallback.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            if let posix = underlying as? POSIXError { return posixReason(posix.code.rawValue) }
            let inner = underlying as NSError
            if inner.domain == NSPOSIXErrorDomain { return posixReason(Int32(inner.code)) }
        }
        if ns.domain == NSPOSIXErrorDomain { return posixReason(Int32(ns.code)) }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "file exists"
        default: return "input/output error"
        }
    }

    /// `strerror(code)` in lower case (`No such file or directory` -> `no such file or directory`).
    public static func posixReason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
