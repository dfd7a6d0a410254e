import ArgumentParser
import DialogueRuntime
import YarnScript

/// `gids strings`: write the base text of every line as a Yarn Spinner strings CSV for translators.
struct StringsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strings",
        abstract:
            "Print a strings CSV (language,id,text,file,node,lineNumber,lock,comment) of every line, for translation."
    )

    @Argument(help: "Files or folders to compile (default: the dialogues folder).")
    var paths: [String] = []

    @Option(help: "The language code for the 'language' column.")
    var language = "nl"

    func run() throws {
        let compilation = Compiler.gids.compile(
            paths: paths.isEmpty ? [try DialogueLocation.defaultDirectory()] : paths)
        guard let program = compilation.program else {
            for diagnostic in compilation.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.description)
            }
            throw ExitCode(1)
        }
        print(try StringTable.csv(for: program, language: language), terminator: "")
    }
}
