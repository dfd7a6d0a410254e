import ArgumentParser
import Foundation
import Guide

/// `gids memory`: what gids remembers about you, in plain language.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Show in plain language what gids remembers about you (only with your consent, never what you typed)."
    )

    @OptionGroup var language: LanguageOption
    @OptionGroup var dataFolder: DataFolderOption
    @OptionGroup var date: DateOption
    @OptionGroup var dialogues: DialoguesOption

    func run() throws {
        let content = try ContentLoader.load(from: try dialogues.folder(), messageLanguage: language.messageLanguage)
        let memory = LocalMemory(path: dataFolder.databasePath, today: date.today)
        var conversation = Conversation(
            content: content,
            settings: ConversationSettings(
                language: try language.language(in: content), region: nil, seed: 1, today: date.today,
                followUp: memory.load(), memoryLocation: dataFolder.databasePath))
        for message in conversation.memoryDescription().messages { print(message.text) }
    }
}
