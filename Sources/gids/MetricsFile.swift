import Foundation
import LineProtocol
import Logging

/// `gids serve --metrics FILE`: the server's metrics in the Prometheus text format, written
/// whole every few seconds to a temporary file beside FILE and renamed over it, so that
/// node_exporter's textfile collector never reads half a file. It holds counts only, never
/// what anyone said, so it is readable by the monitoring user (mode 0644).
final class MetricsFile: @unchecked Sendable {
    /// How often the file is written.
    static let interval: TimeInterval = 5
    let path: String
    private let log = Logger(label: "gids.metrics")
    /// Why the last write failed; a failure is logged when it starts or changes, not every few seconds.
    private var lastProblem: String?

    init(path: String) {
        self.path = path
    }

    /// Writes the metrics now. Called on the committer's thread only (see ``CommitPipeline/periodically(every:_:)``).
    func write(_ server: SessionServer) {
        server.countSessions()
        do {
            try replace(with: server.metrics.text)
            if lastProblem != nil { log.notice("the metrics file can be written again", metadata: ["path": "\(path)"]) }
            lastProblem = nil
        } catch {
            let problem = "\(error)"
            if problem != lastProblem {
                log.warning("cannot write the metrics file", metadata: ["path": "\(path)", "reason": "\(problem)"])
            }
            lastProblem = problem
        }
    }

    /// Writes `text` to a new temporary file beside the file and renames it over it; 0644 even
    /// under a service's UMask=0077. The temporary file has a random name and is created new
    /// (O_EXCL), never through a link (O_NOFOLLOW): a link planted where it would be written
    /// (to the store's key, say) is not followed, and nothing but the metrics file changes.
    private func replace(with text: [UInt8]) throws {
        let temporary = path + ".tmp-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            fchmod(descriptor, 0o644)
            try handle.write(contentsOf: Data(text))
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
