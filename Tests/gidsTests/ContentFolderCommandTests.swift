import Foundation
import Testing

/// Every command given a content folder (the source tree's `Dialogues/`, a copy, the installed
/// one) understands its layout: languages side by side, practice apart.
@Suite struct ContentFolderCommandTests {
    @Test("gids check Dialogues checks each language with its practice scenarios, as gids loads them")
    func checkContentFolder() throws {
        let run = try gids(["check", "Dialogues"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "checked Dialogues: 0 errors, 0 warnings\n")
    }

    @Test(
        "gids check on files or folders inside a content folder compiles them with the rest of their language",
        arguments: ["Dialogues/nl/checkin.yarn", "Dialogues/practice", "Dialogues/en"])
    func checkInsideContentFolder(path: String) throws {
        let run = try gids(["check", path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix(": 0 errors, 0 warnings\n"))
    }

    @Test("gids check on a file inside a content folder shows that file's problems at file:line:col")
    func checkShowsTheFilesOwnProblems() throws {
        let folder = try temporaryFolder("check-inside")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let file = dialogues.appendingPathComponent("nl/langdurig.yarn")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "<<jump HelpMap>>", with: "<<jump HelpMapp>>")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try gids(["check", file.path])
        #expect(run.status == 1)
        #expect(run.output.contains("langdurig.yarn:"))
        #expect(run.output.contains("error: jump to unknown node 'HelpMapp' (did you mean 'HelpMap'?)"))
        #expect(!run.output.contains("start.yarn"), "other files' diagnostics are not shown")
    }

    @Test(
        "gids strings Dialogues --lang nl prints the Dutch table, practice included, with files named within the folder"
    )
    func stringsOfContentFolder() throws {
        let run = try gids(["strings", "Dialogues", "--lang", "nl"])
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(run.errorOutput.isEmpty)
        let rows = run.output.split(separator: "\n")
        #expect(rows.first == "language,id,text,file,node,lineNumber,lock,comment")
        #expect(rows.count > 500)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("nl,line:") })
        #expect(rows.contains { $0.contains(",nl/start.yarn,") })
        #expect(rows.contains { $0.contains(",practice/nl/") })
        #expect(!rows.contains { $0.contains(",en/") })
        let english = try gids(["strings", "Dialogues", "--lang", "en"])
        #expect(english.status == 0 && english.output.contains(",en/start.yarn,"))
    }

    @Test("gids strings for a language the folder has no dialogue of says which it has")
    func stringsOfUnknownLanguage() throws {
        let run = try gids(["strings", "Dialogues", "--lang", "de"])
        #expect(run.status != 0)
        #expect(run.output.isEmpty)
        #expect(run.errorOutput.contains("there is no de dialogue here; its dialogues are nl and en"))
    }

    @Test("gids test given a content folder replays on it, and says what to do when no transcripts are beside it")
    func testWithContentFolder() throws {
        let run = try gids(["test", "Dialogues", "Transcripts/answers-nl.transcript"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix("1 passed, 0 failed\n"))
        let folder = try temporaryFolder("test-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try copyOfDialogues(in: folder)
        let alone = try gids(["test", copy.path])
        #expect(alone.status == 66)
        #expect(alone.errorOutput.contains("there is no Transcripts folder beside \(copy.path)"))
        #expect(alone.errorOutput.contains("name the transcripts to replay: gids test \(copy.path) TRANSCRIPT..."))
    }
}
