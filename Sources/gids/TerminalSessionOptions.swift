import ArgumentParser
import Foundation
import Guide
import Terminal

/// What `gids chat` and `gids practice` share: recording a transcript, the phrasing seed,
/// and running a session at the terminal.
struct TerminalSessionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Also write the conversation to this file as a transcript (mode 0600).", valueName: "file"),
        completion: .file())
    var record: String?

    @Option(help: .hidden)
    var seed: UInt64?

    /// A transcript that could not be written is found before the conversation, not after it.
    func validate() throws {
        try PrivateFile.validate(record, option: "--record")
    }

    /// A seed for varied phrasing: the one given, else one from the clock (so a new one on
    /// every call: take it once, and give the same to the session and to ``run(_:language:seed:settings:door:perform:)``).
    func newPhrasingSeed() -> UInt64 {
        seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    }

    /// Runs the session at the terminal (readline when a person is typing) and writes the
    /// transcript when asked, naming the seed the session was made with; returns the loop,
    /// which holds the session as it ended.
    func run<Session: DialogueSession>(
        _ session: Session, language: Language, seed: UInt64, settings: GuideSettings, door: Transcript.Door,
        perform: @escaping (Effect) -> Bool = { _ in true }
    ) throws -> ChatLoop<Session> {
        let interactive = isatty(STDIN_FILENO) == 1
        // Ctrl-C stops at once, even when started from a process that ignores or blocks SIGINT.
        signal(SIGINT, SIG_DFL)
        Signals.unblock(SIGINT)
        let reader: any LineReader = interactive ? ReadlineReader() : PlainLineReader()
        let header = record.map { _ in
            Transcript(
                language: language, region: settings.region, organisationFile: settings.org, seed: seed,
                today: settings.today, schedule: settings.schedule, door: door)
        }
        var loop = ChatLoop(
            session: session, reader: reader, style: .current(), isInteractive: interactive, recording: header,
            perform: perform)
        if let transcript = loop.run(), let record {
            try PrivateFile.write(transcript.text, to: record)
        }
        return loop
    }
}
