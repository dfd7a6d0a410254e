import ArgumentParser
import Foundation
import Guide
import SessionStore

/// `gids forget`: delete everything gids remembers.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete everything gids remembers about you: the whole database in the data folder."
    )

    @OptionGroup var settings: GuideSettings

    func run() throws {
        let content = try settings.loadContent()
        let path = settings.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            try SQLiteFollowUpStore.destroy(at: path)
        } catch {
            printError("gids: \(error)")
            throw ExitCode(1)
        }
        var conversation = settings.conversation(content: content, memoryLocation: existed ? path : nil)
        for message in conversation.forgottenNotice().messages { print(message.text) }
    }
}
