import Foundation
import Testing

/// Nothing is said to be saved before it is: the turn waits while remembering and the summary
/// file are done, a failure is told in plain words, and the person can try again.
@Suite struct SaveTests {
    /// A critical event told today, up to the consent question.
    static let toConsent = ["2", "4", "1", "1", "vandaag", "moe", "nee", "1", "1", "6", "2"]

    @Test(
        "consent with a data folder that cannot be made says why and offers to try again, never 'Goed. Ik onthoud alleen dat.'"
    )
    func consentThatCannotBeKept() throws {
        let folder = try temporaryFolder("consent")
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("a-file")
        try Data().write(to: blocker)
        let data = blocker.appendingPathComponent("data").path
        let script = Self.toConsent + ["1", "1", "2", "3", "6", "2", "3"]
        let run = try gids(
            ["chat", "--lang", "nl", "--region", "nl", "--now", "2026-03-12", "--data-dir", data],
            input: script.joined(separator: "\n") + "\n")
        #expect(!run.output.contains("Goed. Ik onthoud alleen dat."))
        let lines = run.output.split(separator: "\n").map(String.init)
        let failure = try #require(lines.firstIndex(of: "Dat lukte niet: die map bestaat niet."))
        #expect(
            lines[failure + 1] == "  1. Opnieuw proberen" && lines[failure + 2] == "  2. Verder zonder te onthouden")
        #expect(
            lines.filter { $0 == "Dat lukte niet: die map bestaat niet." }.count == 2, "tried again, and told again")
        #expect(run.output.contains("Prima. Ik onthoud niets."))
        #expect(
            run.output.hasSuffix("Ik bewaar niets van dit gesprek.\n"),
            "the goodbye does not claim anything was remembered")
        #expect(run.errorOutput.contains("is a file, not a folder"))
    }

    @Test(
        "a summary file is 'Klaar' only once it is written; a missing folder or a folder's name is told, and another name tried"
    )
    func summaryFile() throws {
        let folder = try temporaryFolder("summary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("samenvatting.md").path
        let script =
            Self.toConsent + [
                "2", "3", "6", "2", "2", folder.appendingPathComponent("nergens/s.md").path, "1", folder.path, "1",
                written,
            ]
        let run = try gids(
            [
                "chat", "--lang", "nl", "--region", "nl", "--now", "2026-03-12", "--data-dir",
                folder.appendingPathComponent("data").path,
            ],
            input: script.joined(separator: "\n") + "\n")
        let lines = run.output.split(separator: "\n").map(String.init)
        let missing = try #require(lines.firstIndex(of: "Dat lukte niet: die map bestaat niet."))
        let isFolder = try #require(lines.firstIndex(of: "Dat lukte niet: dat is een map. Geef een bestandsnaam."))
        let done = try #require(lines.firstIndex(of: "Klaar: \(written)."))
        #expect(missing < isFolder && isFolder < done)
        #expect(lines.filter { $0.hasPrefix("Klaar:") }.count == 1)
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.hasPrefix("# Samenvatting van gids\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int == 0o600)
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path),
            "nothing remembered without consent")
    }
}
