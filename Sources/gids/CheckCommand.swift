import ArgumentParser
import YarnScript

/// `gids check`: compile dialogue files and print every diagnostic as `file:line:col: severity: message`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dialogue files and folders for errors and warnings.",
        discussion: "Exits 1 when there are errors. Warnings alone exit 0."
    )

    @Argument(help: "Files or folders to check (default: the dialogues folder).")
    var paths: [String] = []

    func run() throws {
        let targets = paths.isEmpty ? [try DialogueLocation.defaultDirectory()] : paths
        let compilation = Compiler().compile(paths: targets)
        for diagnostic in compilation.diagnostics { print(diagnostic) }
        let errors = compilation.diagnostics.filter { $0.severity == .error }.count
        let warnings = compilation.diagnostics.count - errors
        let files = Compiler.yarnFiles(in: targets).count
        print("\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
