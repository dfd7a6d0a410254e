import ArgumentParser
import Foundation
import Guide
import LineProtocol
import Logging
import SessionStore
import YarnScript

/// `gids serve`: many conversations at once over stdin/stdout, for chat bridges.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Answer chat-bridge lines on stdin: one JSON object per line in, one per line out (see gids-serve(1)).",
        discussion: """
            Replies are written only after their sessions are committed; lines that arrive together \
            are committed together. SIGTERM finishes the lines already read, commits and exits 0. \
            SIGHUP reads the content again: checked first, served from the next line on if it has no \
            errors; a conversation whose node was edited starts that node again, with a notice.
            """
    )

    @OptionGroup var settings: ServeSettings

    /// What the server tells its operator: never what anyone typed.
    private static let log = Logger(label: "gids.serve")

    @Option(
        parsing: .unconditional, help: "The longest line accepted, in bytes; longer lines get an error and are skipped."
    )
    var maxLine = 65_536

    @Option(
        help: ArgumentHelp(
            "Write counts and timings (never content) to this file every \(Int(MetricsFile.interval)) seconds, in the Prometheus text format, for node_exporter's textfile collector.",
            valueName: "file"), completion: .file(extensions: ["prom"]))
    var metrics: String?

    @Flag(
        help:
            "Delete the conversations idle longer than --forget-after hours and the expired follow-ups, print how many, and exit."
    )
    var purge = false

    func validate() throws {
        try OptionRange.require(maxLine, atLeast: 1, for: "--max-line", unit: "byte")
    }

    func run() throws {
        let store = try settings.openStore()
        if purge {
            let limits = SweepLimits(now: settings.clock(), keptHours: settings.forgetAfter)
            let (conversations, followUps) = try store.transaction { try $0.sweep(limits) }
            store.database.eraseDeleted()
            print(
                "removed \(conversations) conversation\(conversations == 1 ? "" : "s") and \(followUps) follow-up\(followUps == 1 ? "" : "s")"
            )
            return
        }
        let server = try settings.server(store: store, reading: settings.format.lineFormat)
        server.sweepIfDue()
        let output = ResponseWriter(format: settings.format.lineFormat)
        let pipeline = CommitPipeline(server: server, deliver: output.write)
        // Idle conversations are deleted on time even when no line arrives.
        pipeline.periodically(every: 60) { $0.sweepIfDue() }
        let metricsFile = metrics.map { MetricsFile(path: PrivateFile.expanded($0)) }
        if let metricsFile {
            pipeline.betweenCommits(metricsFile.write)
            pipeline.periodically(every: MetricsFile.interval, metricsFile.write)
        }
        ServeSignals.install()
        Self.log.info(
            "serving",
            metadata: [
                "version": "\(VersionText.number)", "store": "\(settings.storePath)",
                "content_sha256": "\(contentDigest)",
            ])
        var lines = InputLines(maximumLength: maxLine)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while !ServeSignals.stopRequested {
            if ServeSignals.reloadRequested {
                ServeSignals.reloadRequested = false
                reloadContent(into: pipeline, server: server)
            }
            // Waiting at most a second, so that a signal arriving just before the wait is seen.
            guard poll(&input, 1, 1_000) > 0 else { continue }
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            let items = count == 0 ? lines.finish() : lines.feed(buffer[0..<count])
            if !items.isEmpty { pipeline.submit(items) }
            if count == 0 { break }
        }
        pipeline.finish()
        if let metricsFile { pipeline.betweenCommits(metricsFile.write) }
        // At rest the store is one file: the WAL copied back and emptied.
        store.database.eraseDeleted()
        if server.lastLinesWereNotStored {
            Self.log.critical(
                "stopping with status \(Self.storageExitStatus): the store still cannot be written; the lines since it failed were not stored",
                metadata: ["reason": "\(server.lastStorageFailure ?? "unknown")"])
            throw ExitCode(Self.storageExitStatus)
        }
        Self.log.info("stopped: input ended or SIGTERM; every line read was answered and committed")
    }

    /// Which content is served, for the log: the digest `gids --version` shows.
    private var contentDigest: String {
        (try? VersionText.fingerprint(of: settings.guide.dialoguesFolder()).digest) ?? "unknown"
    }

    /// SIGHUP: the content read again and checked; with no errors it is served from the next
    /// batch on, otherwise the content that was running stays. Either way the operator is told
    /// (stderr, the metrics).
    private func reloadContent(into pipeline: CommitPipeline, server: SessionServer) {
        do {
            pipeline.replaceContents(try settings.reloadContents())
            Self.log.notice("content reloaded", metadata: ["content_sha256": "\(contentDigest)"])
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            server.metrics.countReload(.refused)
            Self.log.error(
                "the new content has the errors above; the content that was running stays",
                metadata: ["errors": "\(error.diagnostics.count)"])
        } catch {
            server.metrics.countReload(.refused)
            Self.log.error(
                "the new content could not be read; the content that was running stays",
                metadata: ["reason": "\(error)"])
        }
    }
}

extension ServeCommand {
    /// The exit status when the store still cannot be written as serve stops (EX_IOERR): the
    /// last lines were answered (a crisis with the crisis answer) but not stored.
    static let storageExitStatus: Int32 = 74
}
