import ArgumentParser
import DialogueRuntime
import Foundation
import YarnScript

/// `gids chat` (the default): a conversation in the terminal.
///
/// For now this runs the dialogue in `Dialogues/<lang>/` from its `Start` node with plain
/// line-by-line input: options are answered by number or by their text.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Have a conversation with gids (the default).")

    @Option(help: "The language: nl or en (default: from LANG, else nl).")
    var lang: String?

    @Option(help: "The folder with the dialogue files (default: Dialogues/).")
    var dialogues: String?

    func run() throws {
        let language = lang ?? Self.languageFromEnvironment()
        guard ["nl", "en"].contains(language) else { throw ValidationError("--lang must be nl or en, not '\(language)'") }
        let folder = (try dialogues ?? DialogueLocation.defaultDirectory()) + "/" + language
        let compilation = Compiler.gids.compile(paths: [folder])
        guard let program = compilation.program else {
            for diagnostic in compilation.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            printError("gids cannot start: the dialogue files have errors (run 'gids check' for details).")
            throw ExitCode(1)
        }
        let machine = VirtualMachine(program: program)
        let resolver = LineResolver(program: program, locale: language)
        var state = DialogueState(seed: UInt64(Date().timeIntervalSince1970 * 1000))
        var events = machine.advance(&state, with: .start(node: "Start"))
        while true {
            var options: [DialogueOption] = []
            for event in events {
                switch event {
                case .line(let line): print(resolver.text(for: line).text)
                case .options(let offered): options = offered.filter(\.isAvailable)
                case .error(let error): printError("gids: \(error)")
                default: break
                }
            }
            guard state.phase == .awaitingChoice else { return }
            for (number, option) in options.enumerated() { print("  \(number + 1). \(resolver.text(for: option.line).text)") }
            guard let choice = Self.readChoice(from: options, resolver: resolver, language: language) else { return }
            events = machine.advance(&state, with: .select(choice))
        }
    }

    /// Reads until the answer names an option (by number or text); nil at end of input or on "stop".
    private static func readChoice(from options: [DialogueOption], resolver: LineResolver, language: String) -> Int?? {
        while true {
            print("> ", terminator: "")
            FileHandle.standardOutput.synchronizeFile()
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
            if answer == "stop" { return nil }
            if options.isEmpty { return .some(nil) }
            if let number = Int(answer), options.indices.contains(number - 1) { return options[number - 1].index }
            let matches = options.filter { resolver.text(for: $0.line).text.lowercased().hasPrefix(answer) && !answer.isEmpty }
            if matches.count == 1 { return matches[0].index }
            print(language == "nl" ? "Kies een nummer van 1 tot \(options.count)." : "Choose a number from 1 to \(options.count).")
        }
    }

    static func languageFromEnvironment() -> String {
        let environment = ProcessInfo.processInfo.environment
        let locale = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("en") ? "en" : "nl"
    }
}
