import ArgumentParser
import Foundation
import Guide

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

    @OptionGroup var terminal: TerminalSessionOptions

    func run() throws {
        let content = try settings.loadContent()
        let memory = LocalMemory(path: settings.databasePath, today: settings.today)
        let seed = terminal.newPhrasingSeed()
        var conversation = try settings.conversation(
            content: content, seed: seed, followUp: memory.load(),
            memoryLocation: memory.isUsable ? settings.databasePath : nil)
        // Remembering and the summary file are done during the turn, before they are claimed.
        conversation.performer = { memory.perform($0) }
        _ = try terminal.run(
            conversation, language: conversation.state.language, seed: seed, settings: settings, door: .chat
        ) { memory.perform($0) == .done }
    }
}
