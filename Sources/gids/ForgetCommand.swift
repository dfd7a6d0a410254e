import ArgumentParser
import Foundation
import Guide
import SessionStore

/// `gids forget`: delete everything gids remembers, after asking when a person is at the
/// terminal.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete everything gids remembers about you: the whole database in the data folder.",
        discussion:
            "In a terminal gids asks first; --yes deletes without asking (for scripts). A bridge's sessions (serve.sqlite) are not touched."
    )

    @OptionGroup var language: LanguageOption
    @OptionGroup var dataFolder: DataFolderOption
    @OptionGroup var dialogues: DialoguesOption

    @Flag(help: "Delete without asking.")
    var yes = false

    func run() throws {
        let content = try ContentLoader.load(from: try dialogues.folder(), messageLanguage: language.messageLanguage)
        let path = dataFolder.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        var conversation = Conversation(
            content: content,
            settings: ConversationSettings(
                language: try language.language(in: content), region: nil, seed: 1, today: .today(),
                memoryLocation: existed ? path : nil))
        if existed, !yes, isatty(STDIN_FILENO) == 1 {
            // Asked as any question of gids: until an option is chosen; Ctrl-D keeps everything.
            var reply = conversation.forgetQuestion()
            while !reply.isFinished {
                for line in PlainText.lines(for: reply) { print(line) }
                print("> ", terminator: "")
                guard let answer = readLine() else {
                    reply = conversation.keptNotice()
                    break
                }
                reply = conversation.respond(to: answer)
            }
            guard reply.effects.contains(.forget) else {
                for message in reply.messages { print(message.text) }
                return
            }
        }
        do {
            try SQLiteFollowUpStore.destroy(at: path)
        } catch {
            printError("gids: \(error)")
            throw ExitCode(1)
        }
        for message in conversation.forgottenNotice().messages { print(message.text) }
    }
}
