import ArgumentParser
import Foundation
import Guide

/// `gids test`: replay transcripts and report every difference like a unified diff.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay transcripts (default: Transcripts/) and show where the guide now says something else.",
        discussion: "Ends with the line 'N passed, M failed'; exits 1 if any transcript differs."
    )

    @Argument(help: "Transcript files or folders (*.transcript).")
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "The folder with the dialogue files (default: $GIDS_DIALOGUES, else the installed PREFIX/share/gids/Dialogues).",
            valueName: "folder"), completion: .directory)
    var dialogues: String?

    @Flag(help: "Rewrite each transcript with what the guide says now (after a deliberate change; review the diff).")
    var update = false

    func run() throws {
        let folder = try dialogues ?? DialogueLocation.defaultDirectory()
        let files = TranscriptFiles.find(
            in: paths.isEmpty
                ? [URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("Transcripts").path]
                : paths)
        var failed = 0
        for file in files {
            if update {
                try PrivateFile.write(try TranscriptFiles.replay(file, dialogues: folder).text, to: file)
            }
            if let problem = TranscriptFiles.check(file, dialogues: folder) {
                failed += 1
                print("FAIL \(file)\n\(problem)")
            } else {
                print("PASS \(file)")
            }
        }
        print("\(files.count - failed) passed, \(failed) failed")
        if failed > 0 || files.isEmpty { throw ExitCode(1) }
    }
}
