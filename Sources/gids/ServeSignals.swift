import Foundation

/// The signals `gids serve` acts on: SIGTERM asks it to stop after the lines already read,
/// SIGHUP to read its content again. A handler only sets a flag; the loop that reads stdin
/// acts on it (no SA_RESTART, so a blocked read returns at once).
enum ServeSignals {
    nonisolated(unsafe) static var stopRequested = false
    nonisolated(unsafe) static var reloadRequested = false

    static func install() {
        catching(SIGTERM) { _ in ServeSignals.stopRequested = true }
        catching(SIGHUP) { _ in ServeSignals.reloadRequested = true }
    }

    private static func catching(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
        Signals.unblock(signal)
    }
}
