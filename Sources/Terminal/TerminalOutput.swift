import Foundation

/// Writes to standard output. A closed output (the reader went away) ends the program
/// quietly instead of crashing it.
public struct TerminalOutput: Sendable {
    public init() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes text; exits with status 0 when nobody reads our output any more.
    public func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes UTF-8 bytes; exits with status 0 when nobody reads our output any more.
    public func write(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                exit(0)
            }
            offset += written
        }
    }
}
