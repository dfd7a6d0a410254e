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
            // Beside the file, then renamed over it; 0644 even under a service's UMask=0077.
            let temporary = path + ".tmp"
            try Data(server.metrics.text).write(to: URL(fileURLWithPath: temporary))
            chmod(temporary, 0o644)
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
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
}
