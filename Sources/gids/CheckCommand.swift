import ArgumentParser
import YarnScript

/// `gids check`: compile dialogue files and print every diagnostic as `file:line:col: severity: message`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dialogue files and folders for errors and warnings.",
        discussion: "Exits 1 when there are errors. Warnings alone exit 0."
    )

    @Argument(help: "Files or folders to check (default: the dialogues folder, each language folder on its own).")
    var paths: [String] = []

    func run() throws {
        let targets = paths.isEmpty ? [try DialogueLocation.defaultDirectory()] : paths
        var diagnostics: [Diagnostic] = []
        for project in Compiler.projects(in: targets) {
            diagnostics += Compiler.gids.compile(paths: project).diagnostics
        }
        for diagnostic in diagnostics { print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Compiler.yarnFiles(in: targets).count
        print("\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
