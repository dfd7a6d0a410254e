import ArgumentParser
import Foundation
import Guide
import Terminal

/// `gids chat` (the default): a conversation in the terminal.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Have a conversation with gids (the default).",
        discussion: """
            Answer options by number or by the start of their text. At any moment: stop, back, \
            restart, help, crisis. Ctrl-D ends politely; nothing is kept afterwards.
            """
    )

    @OptionGroup var settings: GuideSettings

    @Option(help: ArgumentHelp("Also write the conversation to this file as a transcript (mode 0600).", valueName: "file"))
    var record: String?

    @Option(help: .hidden)
    var seed: UInt64?

    func run() throws {
        let content = try settings.loadContent()
        let today = settings.today
        let memory = LocalMemory(path: settings.databasePath, today: today)
        let conversation = settings.conversation(
            content: content, seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000), followUp: memory.load(),
            memoryLocation: memory.isUsable ? settings.databasePath : nil)
        let interactive = isatty(STDIN_FILENO) == 1
        // Ctrl-C stops at once, even when started from a process that ignores or blocks SIGINT.
        signal(SIGINT, SIG_DFL)
        Signals.unblock(SIGINT)
        let reader: any LineReader = interactive ? ReadlineReader() : PlainLineReader()
        let header = record.map { _ in
            Transcript(
                language: settings.language, region: settings.region, organisationFile: settings.org, seed: seed ?? 1, today: today,
                schedule: settings.schedule)
        }
        var loop = ChatLoop(
            conversation: conversation, reader: reader, style: .current(), isInteractive: interactive, recording: header, perform: memory.perform)
        if let transcript = loop.run(), let record {
            try PrivateFile.write(transcript.text, to: record)
        }
    }
}
