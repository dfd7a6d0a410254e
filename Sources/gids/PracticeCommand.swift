import ArgumentParser
import Foundation
import Guide
import Terminal

/// `gids practice`: role-play training for peer supporters. gids plays a colleague; the
/// trainee answers, gets feedback after each turn and a debrief at the end.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise peer-support conversations: gids plays a colleague, you are the supporter.",
        discussion: """
            Choose a candidate response by number or type your own; each turn gets feedback with \
            the reason. The debrief at the end judges the criteria of peer support (met, partly, \
            not yet). Nothing is stored, unless you ask for a report.
            """
    )

    @OptionGroup var settings: GuideSettings

    @Option(help: ArgumentHelp("Print the categories found in one trainee utterance, and why, one per line; then exit.", valueName: "text"))
    var explain: String?

    @Option(help: ArgumentHelp("Write the last debrief to this file as Markdown (mode 0600), for a trainer.", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("Also write the session to this file as a transcript (mode 0600).", valueName: "file"))
    var record: String?

    @Option(help: .hidden)
    var seed: UInt64?

    func run() throws {
        let content = try settings.loadContent()
        let lexicon = content.practice[settings.language]
        if let explain {
            let findings = lexicon.classify(explain)
            if findings.isEmpty { print("-") }
            for finding in findings {
                print("\(finding.category) (\(lexicon.category(finding.category)?.label ?? "")): \(finding.reason)")
            }
            return
        }
        let session = PracticeSession(
            content: content,
            settings: ConversationSettings(
                language: settings.language, region: settings.region, seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000),
                today: settings.today, memoryLocation: nil, canWriteFiles: false))
        let interactive = isatty(STDIN_FILENO) == 1
        signal(SIGINT, SIG_DFL)
        Signals.unblock(SIGINT)
        let reader: any LineReader = interactive ? ReadlineReader() : PlainLineReader()
        let header = record.map { _ in
            Transcript(language: settings.language, region: settings.region, seed: seed ?? 1, today: settings.today, door: .practice)
        }
        var loop = ChatLoop(conversation: session, reader: reader, style: .current(), isInteractive: interactive, recording: header) { _ in true }
        let transcript = loop.run()
        if let transcript, let record { try PrivateFile.write(transcript.text, to: record) }
        if let report, let last = loop.session.lastDebrief {
            try PrivateFile.write(last.debrief.markdown(lexicon, turns: last.turns), to: report)
        }
    }
}
