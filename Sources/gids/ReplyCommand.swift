import ArgumentParser
import Foundation
import LineProtocol

/// `gids reply`: one message, one answer, for bridges that run a command per message.
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Answer one message of a session and exit, using the same store as 'gids serve'.",
        discussion: "Two at once for the same session are serialised by the store: each sees the other's turn."
    )

    @OptionGroup var settings: ServeSettings

    @Option(help: "The session key.")
    var session: String

    @Option(help: "What the person wrote.")
    var text: String

    func run() throws {
        // The line is given as JSON, whatever the output's format.
        let server = try settings.server(store: try settings.openStore(), reading: .json)
        let line = try JSONSerialization.data(withJSONObject: ["session": session, "text": text])
        let responses = server.handle([.line([UInt8](line))])
        ResponseWriter(format: settings.format.lineFormat).write(responses)
        if responses.contains(where: { if case .error = $0 { true } else { false } }) { throw ExitCode(1) }
    }
}
