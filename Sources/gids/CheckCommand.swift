import ArgumentParser
import Guide
import YarnScript

/// `gids check`: check dialogue files, the help directories, the crisis lexicons and an
/// organisation file, printing every diagnostic as `file:line:col: severity: message`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dialogue files, help directories, crisis lexicons and organisation files.",
        discussion: """
            Without paths, checks everything gids loads from the dialogues folder (each language \
            folder as its own project with its practice scenarios, translations, directory/*.yaml, \
            safety/*.yaml and safety/model.bin, commands.yaml, answers.yaml, signals.yaml), and the \
            organisation file given with --org. A content folder given as a path is checked the same \
            way; files or folders inside one are compiled with the rest of their language's dialogue, \
            and their own problems shown; other dialogue files and folders are compiled as they are. \
            Exits 1 when there are errors; warnings alone exit 0.
            """
    )

    @Argument(help: "Content folders, or dialogue files or folders to compile.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("An organisation file to check as well.", valueName: "file"), completion: .file())
    var org: String?

    @Option(
        help: ArgumentHelp(
            "The folder with the dialogue files (default: $GIDS_DIALOGUES, else the installed PREFIX/share/gids/Dialogues).",
            valueName: "folder"), completion: .directory)
    var dialogues: String?

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var checked: [String] = []
        if paths.isEmpty {
            let folder = try dialogues ?? DialogueLocation.defaultDirectory()
            diagnostics = check(folder: folder)
            checked = [folder] + (org.map { [$0] } ?? [])
        } else {
            let folders = paths.filter { ContentFolder($0) != nil }
            for folder in folders { diagnostics += check(folder: folder) }
            let others = paths.filter { ContentFolder($0) == nil }
            for project in ContentFolder.projects(for: others) {
                diagnostics += Compiler.gids.compile(paths: project.paths).diagnostics.filter {
                    project.shows($0.location.file)
                }
            }
            checked = folders + (others.isEmpty ? [] : ["\(Compiler.yarnFiles(in: others).count) dialogue files"])
        }
        for diagnostic in diagnostics { print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print(
            "checked \(checked.joined(separator: ", ")): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        )
        if errors > 0 { throw ExitCode(1) }
    }

    /// Every problem of a content folder: the guide's content and practice's, which is read
    /// with the guide's safety net.
    private func check(folder: String) -> [Diagnostic] {
        let (content, diagnostics) = GuideContent.check(folder, organisationFile: org)
        return diagnostics + PracticeContent.check(folder, net: content?.safetyNet).1
    }
}
