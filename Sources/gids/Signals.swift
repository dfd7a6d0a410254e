import Foundation

/// Signals a person or an operator sends to gids.
enum Signals {
    /// Lets a signal through even when the parent process started gids with it blocked
    /// (test runners and some supervisors do), so Ctrl-C and SIGTERM always arrive.
    static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}
