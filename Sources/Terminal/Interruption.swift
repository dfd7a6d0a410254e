import Foundation

/// The signal that ended the last conversation at the terminal, set by the handler; 0 while
/// none came. A plain global, so that the handler only stores a number (async-signal-safe).
nonisolated(unsafe) private var caughtSignal: sig_atomic_t = 0

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) during a conversation at the
/// terminal. They stop it at once, as a person expects, but are caught first, so that what the
/// person asked for (a transcript, a practice report) is still written; then gids ends as the
/// signal says (``endProcess()``), so a shell sees that it was interrupted.
public enum Interruption {
    /// The signals that end a conversation at the terminal.
    public static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Catches ``signals`` from now on: a blocking read is interrupted (no `SA_RESTART`) and
    /// ``signal`` says which came.
    public static func catchSignals() {
        caughtSignal = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { caughtSignal = $0 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        for signal in signals { sigaction(signal, &action, nil) }
    }

    /// The signal that arrived since ``catchSignals()``, if any.
    public static var signal: Int32? {
        caughtSignal == 0 ? nil : Int32(caughtSignal)
    }

    /// Ends gids as the signal that arrived would have (its default action, so the exit status
    /// says "interrupted"); returns only when no signal arrived.
    public static func endProcessIfInterrupted() {
        guard let signal else { return }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
