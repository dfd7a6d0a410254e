import Foundation

/// Writes to standard output, for the chat in a terminal and for the line protocol's replies.
/// A closed output (the reader went away: EPIPE) ends the program
/// quietly instead of crashing it; an output that is not ready (a non-blocking pipe that is
/// full: EAGAIN) is waited for; any other failure ends the program with status 74 and says why.
public struct StandardOutput: Sendable {
    /// Standard output, with SIGPIPE ignored so that a closed output is seen as EPIPE.
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
                Foundation.write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    // Non-blocking, and the reader is behind: wait until it has read some.
                    var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                case EPIPE: exit(0)
                default:
                    let reason = String(cString: strerror(errno))
                    FileHandle.standardError.write(Data("gids: cannot write to standard output: \(reason)\n".utf8))
                    exit(74)
                }
            }
            offset += written
        }
    }
}
