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
        var conversation = try settings.conversation(
            content: content, followUp: memory.load(), memoryLocation: settings.databasePath)
        for message in conversation.memoryDescription().messages { print(message.text) }
    }
}
