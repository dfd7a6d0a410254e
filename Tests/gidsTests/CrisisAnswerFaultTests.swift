import Foundation
import Testing

/// No fault silences the crisis answer: broken directory content, a full disk, a read-only
/// store, a store whose folder was deleted, a dialogue that runs away. In each, a real
/// `gids serve` answers "ik wil dood" with 112 and the region's crisis line.
@Suite struct CrisisAnswerFaultTests {
    static let options = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]
    static let crisisLine = #"{"session":"in-nood","text":"ik wil dood"}"#

    /// Whether a reply line gives the crisis answer with 112 and the Dutch crisis line.
    static func isCrisisAnswer(_ line: String?) -> Bool {
        guard let line else { return false }
        return line.contains(#""safety":"crisis""#) && line.contains("112") && line.contains("113")
    }

    @Test(
        "a directory cut short (no crisis: true entries) is an error for gids check, at start-up and at reload; the running content keeps answering a crisis with 112 and 113"
    )
    func directoryWithoutCrisisLines() throws {
        let folder = try temporaryFolder("no-crisis-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let directory = dialogues.appendingPathComponent("directory/nl.yaml")
        let whole = try String(contentsOf: directory, encoding: .utf8)
        // As an interrupted copy leaves it: the file ends before its crisis lines.
        let cut = whole.split(separator: "\n", omittingEmptySubsequences: false).prefix(93).joined(separator: "\n")
        #expect(!cut.contains("crisis: true"))

        let server = try ServeProcess(["--dialogues", dialogues.path, "--store", ":memory:"] + Self.options)
        server.send([#"{"type":"ping"}"#])
        #expect(server.readLine() == #"{"type":"pong"}"#, "serving, its signals in place")
        try cut.write(to: directory, atomically: true, encoding: .utf8)
        let check = try gids(["check", "--dialogues", dialogues.path])
        #expect(check.status == 1)
        #expect(check.output.contains("\(directory.path):1:1: error: the nl directory has no crisis line besides 112"))
        #expect(
            check.output.contains("\(directory.path):1:1: error: the nl directory has no crisis line that names 112"))
        let start = try gids(["serve", "--dialogues", dialogues.path, "--store", ":memory:"])
        #expect(start.status == 1 && start.output.isEmpty)
        #expect(start.errorOutput.contains("the nl directory has no crisis line besides 112"))

        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "the content that was running stays"))
        server.send([Self.crisisLine])
        #expect(Self.isCrisisAnswer(server.readLine()))
        try server.closeInput()
        #expect(server.waitForExit().status == 0)
    }

    @Test("an organisation file that takes the crisis lines away is left out, and the national crisis lines are given")
    func organisationWithoutCrisisLines() throws {
        let folder = try temporaryFolder("org-no-crisis-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        let org = folder.appendingPathComponent("org.yaml")
        // Its own entries with the ids of the national crisis lines, not marked as crisis lines.
        try """
        organisation: Ziekenhuis Zonder Lijn
        entries:
          - id: "113"
            step: 3
            name: "Ons eigen team"
            for: "Steun."
            reach: "Bel de receptie."
          - id: "1813"
            step: 3
            name: "Ons eigen team"
            for: "Steun."
            reach: "Bel de receptie."

        """.write(to: org, atomically: true, encoding: .utf8)
        let run = try gids(
            ["serve", "--store", ":memory:", "--org", org.path] + Self.options, input: Self.crisisLine + "\n")
        #expect(run.status == 0)
        #expect(Self.isCrisisAnswer(run.output))
        #expect(!run.output.contains("Ons eigen team"))
        #expect(run.errorOutput.contains("\(org.path):1:1: error: the nl directory has no crisis line besides 112"))
    }
}
