import ArgumentParser
import DialogueRuntime
import Foundation
import Guide
import YarnScript

/// `gids strings`: write the base text of every line as a Yarn Spinner strings CSV for translators.
struct StringsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strings",
        abstract:
            "Print a strings CSV (language,id,text,file,node,lineNumber,lock,comment) of every line, for translation.",
        discussion: """
            Given a content folder (default: the installed one), prints the lines of the dialogue of \
            --lang, its practice scenarios included, with files named within the folder. A \
            translation is that table with the text column translated, saved in the dialogue's folder \
            under the translation's language code (nl/fy.csv); gids check reports its missing and stale lines.
            """
    )

    @Argument(help: "A content folder, or dialogue files and folders (default: the dialogues folder).")
    var paths: [String] = []

    @Option(
        name: .customLong("lang"),
        help: "The language of the dialogue: which one of a content folder, and the 'language' column.")
    var language = "nl"

    func run() throws {
        let project = try DialogueSelection.one(
            of: ContentFolder.projects(for: paths.isEmpty ? [try DialogueLocation.defaultDirectory()] : paths),
            language: language)
        let compilation = Compiler.gids.compile(paths: project.paths)
        guard var program = compilation.program else {
            for diagnostic in compilation.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.description)
            }
            printError(
                "gids strings: the dialogue has the errors above; fix them (gids check) before exporting its lines")
            throw ExitCode(1)
        }
        program.lines = program.lines.filter { project.shows($0.value.file) }.mapValues { line in
            var line = line
            line.file = project.content?.relative(line.file) ?? line.file
            return line
        }
        print(try StringTable.csv(for: program, language: language), terminator: "")
    }
}
