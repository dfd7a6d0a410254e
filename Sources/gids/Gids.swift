import ArgumentParser
import Foundation
import Logging

/// `gids`: a conversational guide for care workers. `gids` alone starts a chat.
@main
struct Gids: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "A conversational guide for care workers: check-ins, signals after a critical event, where to find help.",
        version: "gids \(VersionText.number)",
        subcommands: [
            ChatCommand.self, PracticeCommand.self, ServeCommand.self, ReplyCommand.self, LoadCommand.self,
            MemoryCommand.self, ForgetCommand.self, CheckCommand.self, SafetyCommand.self, TestCommand.self,
            ConformanceCommand.self, StringsCommand.self, GraphCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// Operator messages (never what a person typed) go to standard error, from notices up
    /// unless `GIDS_LOG_LEVEL` says otherwise (trace, debug, info, notice, warning, error, critical).
    /// A file size limit (`ulimit -f`) makes writes fail, which gids reports, instead of
    /// killing it in the middle of a write.
    static func main() {
        // The content is part of what runs, so --version names it too (ArgumentParser's
        // version text is fixed when gids is built).
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(VersionText.describe())
            return
        }
        if RootHelp.isAsked(by: arguments) {
            print(RootHelp.text, terminator: "")
            return
        }
        if let error = UnknownCommand.error(in: arguments) { exit(withError: error) }
        signal(SIGXFSZ, SIG_IGN)
        let level = logLevel(ProcessInfo.processInfo.environment["GIDS_LOG_LEVEL"])
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        main(nil)
    }

    /// The level `GIDS_LOG_LEVEL` names, else notice (a value it does not know is said once).
    private static func logLevel(_ name: String?) -> Logger.Level {
        guard let name, !name.isEmpty else { return .notice }
        if let level = Logger.Level(rawValue: name.lowercased()) { return level }
        printError(
            "gids: GIDS_LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'; using notice"
        )
        return .notice
    }
}
