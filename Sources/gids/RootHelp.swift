import ArgumentParser

/// `gids --help`: the commands, then the options of `gids chat`, which `gids` alone runs
/// (argument-parser's own screen shows only the root's options, and gids has none of its own).
enum RootHelp {
    /// Whether the arguments ask for the root's help: `--help`, `-h` or `help` alone.
    static func isAsked(by arguments: [String]) -> Bool {
        arguments.count == 1 && ["--help", "-h", "help"].contains(arguments[0])
    }

    /// The root's help screen, followed by the options of the default command.
    static var text: String {
        let chat = Gids.helpMessage(for: ChatCommand.self)
        let options = chat.range(of: "OPTIONS:").map { String(chat[$0.upperBound...]) } ?? chat
        return Gids.helpMessage()
            + "\nOPTIONS OF 'gids chat', WHICH 'gids' ALONE RUNS:"
            + options
    }
}
