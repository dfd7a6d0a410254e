import ArgumentParser
import Foundation
import Guide
import Terminal

/// What `gids chat` and `gids practice` share: recording a transcript, the phrasing seed,
/// and running a session at the terminal.
struct TerminalSessionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also write the conversation to this file as a transcript (mode 0600), however it ends (Ctrl-D, Ctrl-C, stop).",
            valueName: "file"),
        completion: .file())
    var record: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The seed for the choice of phrasing (default: a new one each time); the same seed gives the same words, as transcripts need.",
            valueName: "number"))
    var seed: UInt64?

    /// A transcript that could not be written is found before the conversation, not after it.
    func validate() throws {
        try PrivateFile.validate(record, option: "--record")
    }

    /// A seed for varied phrasing: the one given, else one from the clock (so a new one on
    /// every call: take it once, and give the same to the session and to the transcript header).
    func newPhrasingSeed() -> UInt64 {
        seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    }

    /// Runs the session at the terminal (readline when a person is typing) and writes the
    /// transcript when asked (`header`: its settings), however the session ends; returns the
    /// loop, which holds the session as it ended. After Ctrl-C (or SIGTERM, SIGHUP) the caller
    /// writes what else it must and then calls ``Interruption/endProcessIfInterrupted()``.
    func run<Session: DialogueSession>(
        _ session: Session, header: Transcript, perform: @escaping (Effect) -> EffectOutcome = { _ in .done }
    ) throws -> ChatLoop<Session> {
        let interactive = isatty(STDIN_FILENO) == 1
        // Ctrl-C stops at once, even when started from a process that ignores or blocks SIGINT;
        // it is caught so that the transcript is written first.
        Interruption.catchSignals()
        for signal in Interruption.signals { Signals.unblock(signal) }
        let reader: any LineReader = interactive ? ReadlineReader() : PlainLineReader()
        var loop = ChatLoop(
            session: session, reader: reader, style: .current(), isInteractive: interactive,
            recording: record.map { _ in header }, perform: perform)
        if let transcript = loop.run(), let record {
            do throws(PrivateFile.Failure) {
                try PrivateFile.write(transcript.text, to: record)
            } catch {
                printError("gids: the transcript was not written: \(error)")
                throw ExitCode(74)
            }
        }
        return loop
    }
}
