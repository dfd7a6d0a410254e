import ArgumentParser

/// `gids`: a conversational guide for care workers. `gids` alone starts a chat.
@main
struct Gids: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A conversational guide for care workers: check-ins, signals after a critical event, where to find help.",
        subcommands: [ChatCommand.self, PracticeCommand.self, ServeCommand.self, ReplyCommand.self, LoadCommand.self, MemoryCommand.self, ForgetCommand.self, CheckCommand.self, SafetyCommand.self, TestCommand.self, ConformanceCommand.self, StringsCommand.self, BenchCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
