import ArgumentParser
import Foundation
import Guide
import LineProtocol
import Logging
import SessionStore
import Terminal

/// `gids serve`: many conversations at once over stdin/stdout, for chat bridges.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer chat-bridge lines on stdin: one JSON object per line in, one per line out (see README).",
        discussion: """
            Replies are written only after their sessions are committed; lines that arrive together \
            are committed together. SIGTERM finishes the lines already read, commits and exits 0.
            """
    )

    @OptionGroup var settings: ServeSettings

    @Option(help: "The longest line accepted, in bytes; longer lines get an error and are skipped.")
    var maxLine = 65_536

    @Flag(help: "Delete the conversations idle longer than --forget-after hours and the expired follow-ups, print how many, and exit.")
    var purge = false

    func run() throws {
        let store = try settings.openStore()
        if purge {
            let limits = SweepLimits(now: settings.clock(), keptHours: settings.forgetAfter)
            let (conversations, followUps) = try store.transaction { try $0.sweep(limits) }
            store.database.eraseDeleted()
            print("removed \(conversations) conversation\(conversations == 1 ? "" : "s") and \(followUps) follow-up\(followUps == 1 ? "" : "s")")
            return
        }
        let output = TerminalOutput()
        let format = settings
        let server = try settings.server(store: store)
        server.sweepIfDue()
        let pipeline = CommitPipeline(server: server) { responses in
            output.write(bytes: format.render(responses))
            if server.hasGivenUp { Self.stop(because: server) }
        }
        // Idle conversations are deleted on time even when no line arrives.
        pipeline.sweepPeriodically(every: 60)
        Termination.install()
        var lines = InputLines(maximumLength: maxLine)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !Termination.requested {
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            let items = count == 0 ? lines.finish() : lines.feed(buffer[0..<count])
            if !items.isEmpty { pipeline.submit(items.map(settings.item)) }
            if count == 0 { break }
        }
        pipeline.finish()
        // At rest the store is one file: the WAL copied back and emptied.
        store.database.eraseDeleted()
    }
}

extension ServeCommand {
    /// The exit status when the store cannot be written (EX_IOERR).
    static let storageExitStatus: Int32 = 74

    /// Stops the server when its store keeps failing: the lines since were answered with
    /// `storage_failed` and none of them was stored; asking bridges to send them again forever
    /// would hide the trouble.
    static func stop(because server: SessionServer) -> Never {
        Logger(label: "gids.serve").critical(
            "stopping: \(SessionServer.maximumFailedCommitsInARow) commits in a row failed; no line since was stored. Check the disk and the store, then start gids serve again",
            metadata: ["reason": "\(server.lastStorageFailure ?? "unknown")"])
        Foundation.exit(storageExitStatus)
    }
}

/// SIGTERM as a request to stop after the lines already read.
enum Termination {
    nonisolated(unsafe) static var requested = false

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Termination.requested = true }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns, so the loop can stop
        sigaction(SIGTERM, &action, nil)
        Signals.unblock(SIGTERM)
    }
}
