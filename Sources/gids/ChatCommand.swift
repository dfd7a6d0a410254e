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
            Answer an option by its number, its text, or a word that stands in that option only; \
            where a question takes free text, just type. At any moment: stop, terug/back, \
            opnieuw/restart, hulp/help (the commands and the crisis lines), crisis or 112 (the \
            crisis answer), and vergeet mij/forget me (the conversation ends and everything gids \
            remembers about you is deleted). Ctrl-D ends with a summary of what you said; Ctrl-C \
            stops at once. A transcript asked for with --record is written either way.

            What you type stays in memory and is gone when gids ends. Only if you agree, gids \
            remembers in the data folder the date and kind of a critical event, the dates of the \
            talks after it, which signals you recognised and the schedule, never anything you \
            typed: 'gids memory' shows it, 'gids forget' deletes it.
            """
    )

    @OptionGroup var settings: GuideSettings

    @OptionGroup var terminal: TerminalSessionOptions

    func run() throws {
        let content = try settings.loadContent()
        let memory = LocalMemory(path: settings.databasePath, today: settings.today)
        let seed = terminal.newPhrasingSeed()
        let conversation = try settings.conversation(
            content: content, seed: seed, followUp: memory.load(),
            memoryLocation: memory.isUsable ? settings.databasePath : nil)
        // The turn waits while remembering and the summary file are done, so neither is claimed before.
        _ = try terminal.run(
            conversation,
            header: settings.transcriptHeader(language: conversation.state.language, seed: seed, door: .chat)
        ) { memory.perform($0) }
        Interruption.endProcessIfInterrupted()
    }
}
