import ArgumentParser
import YarnScript

/// A first word that names no command. `gids` alone runs `gids chat`, so argument-parser
/// would take `gids bogus` for chat with a stray argument and show chat's usage; gids says
/// instead that there is no such command, and which one was probably meant.
enum UnknownCommand {
    /// Every name a command answers to, aliases included, and `help`.
    static var names: [String] {
        Gids.configuration.subcommands.flatMap { command in
            [command._commandName] + command.configuration.aliases
        } + ["help"]
    }

    /// The error for arguments whose first word is not a command, if it is not.
    static func error(in arguments: [String]) -> ValidationError? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let commands = Gids.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
        return ValidationError(
            "'\(first)' is not a gids command\(Suggestions.hint(for: first, in: names)); the commands are \(commands)")
    }
}
