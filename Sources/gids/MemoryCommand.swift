import ArgumentParser
import Foundation
import Guide

/// `gids memory`: what gids remembers about you, in plain language.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Show in plain language what gids remembers about you (only with your consent, never what you typed)."
    )

    @OptionGroup var settings: GuideSettings

    func run() throws {
        let content = try settings.loadContent()
        let memory = LocalMemory(path: settings.databasePath, today: settings.today)
        var conversation = Conversation(
            content: content,
            settings: ConversationSettings(
                language: settings.language, region: settings.region, seed: 1, today: settings.today,
                followUp: memory.load(), memoryLocation: settings.databasePath))
        for message in conversation.memoryDescription().messages { print(message.text) }
    }
}
