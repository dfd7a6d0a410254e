import ArgumentParser
import Foundation
import Guide

/// `gids test`: replay transcripts and report every difference like a unified diff.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay transcripts (default: Transcripts/) and show where the guide now says something else.",
        discussion: """
            A content folder among the paths is the content to replay them on (like --dialogues), with \
            the Transcripts/ folder beside it when no transcripts are named (a source tree has one, \
            an installed gids does not). Ends with the line 'N passed, M failed'; exits 1 if any \
            transcript differs, 66 when there are none to replay.
            """
    )

    @Argument(help: "Transcript files or folders (*.transcript), or a content folder.")
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "The folder with the dialogue files (default: $GIDS_DIALOGUES, else the installed PREFIX/share/gids/Dialogues).",
            valueName: "folder"), completion: .directory)
    var dialogues: String?

    @Flag(help: "Rewrite each transcript with what the guide says now (after a deliberate change; review the diff).")
    var update = false

    func run() throws {
        let contentFolders = paths.filter { ContentFolder($0) != nil }
        guard contentFolders.count <= 1 else {
            throw ValidationError("give one content folder to replay the transcripts on, not \(contentFolders.count)")
        }
        let folder = try dialogues ?? contentFolders.first ?? DialogueLocation.defaultDirectory()
        let transcripts = paths.filter { ContentFolder($0) == nil }
        for path in transcripts where !FileManager.default.fileExists(atPath: path) {
            printError("gids test: \(path) is not there; name transcript files (*.transcript) or folders of them")
            throw ExitCode(66)
        }
        let beside = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("Transcripts").path
        if transcripts.isEmpty, !FileManager.default.fileExists(atPath: beside) {
            printError(
                "gids test: there is no Transcripts folder beside \(folder) (an installed gids ships none); name the transcripts to replay: gids test \(folder) TRANSCRIPT..."
            )
            throw ExitCode(66)
        }
        let files = TranscriptFiles.find(in: transcripts.isEmpty ? [beside] : transcripts)
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
