import Foundation
import Testing

/// A third language, Frisian, as an organisation would add one: a strings table translating
/// the Dutch dialogue, a safety lexicon and the help directory's texts (the fixture in
/// `Tests/GuideTests/Fixtures/third-language`). gids speaks it only when all three exist.
@Suite struct ThirdLanguageTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/GuideTests/Fixtures/third-language")

    /// A copy of the shipped content with the Frisian translation added; without its safety
    /// lexicon or its help-directory texts when asked.
    func contentWithFrisian(in folder: URL, safetyLexicon: Bool = true, directoryTexts: Bool = true) throws -> URL {
        let dialogues = try copyOfDialogues(in: folder)
        let manager = FileManager.default
        try manager.copyItem(
            at: Self.fixture.appendingPathComponent("fy.csv"), to: dialogues.appendingPathComponent("nl/fy.csv"))
        if safetyLexicon {
            try manager.copyItem(
                at: Self.fixture.appendingPathComponent("safety-fy.yaml"),
                to: dialogues.appendingPathComponent("safety/fy.yaml"))
        }
        for region in ["nl", "be"] where directoryTexts {
            let file = dialogues.appendingPathComponent("directory/\(region).yaml")
            // Each {nl: ..., en: ...} text gets a Frisian one (the Dutch words will do for a fixture).
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
                of: #"\{nl: ("[^"]*"|[^,{}]*), en: ("[^"]*"|[^,{}]*)\}"#, with: "{nl: $1, en: $2, fy: $1}",
                options: .regularExpression)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return dialogues
    }

    /// A chat in Frisian on `dialogues`, keeping its memory in `folder`, with the phrasing of seed 1.
    func chatInFrisian(on dialogues: URL, in folder: URL, input: String) throws -> GidsRun {
        try gids(
            [
                "chat", "--lang", "fy", "--region", "nl", "--seed", "1", "--dialogues", dialogues.path, "--data-dir",
                folder.path,
            ], input: input)
    }

    @Test("Frisian is spoken: translated lines in Frisian, the others in Dutch, and check names the missing ones")
    func translationLoadsAndFallsBack() throws {
        let folder = try temporaryFolder("fy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try contentWithFrisian(in: folder)
        let chat = try chatInFrisian(on: dialogues, in: folder, input: "1\n")
        #expect(chat.status == 0, "\(chat.errorOutput)")
        #expect(chat.output.hasPrefix("Hallo. Ik bin gids, in koarte petearlieding foar soarchferlieners.\n"))
        #expect(
            chat.output.contains("Ik bewaar niets van wat je typt."), "a line with no translation is shown in Dutch")
        #expect(chat.output.contains("  1. In koarte check-in: trije fragen oer dyn dei\n"))
        #expect(chat.output.contains("  2. Er is iets ingrijpends gebeurd\n"))
        let check = try gids(["check", dialogues.path])
        #expect(check.status == 0)
        #expect(
            check.output.contains(
                "nl/start.yarn:37:1: warning: this line has no fy translation in fy.csv ('line:Start.5'); it is shown in nl"
            ))
    }

    @Test("a crisis written in Frisian gets the crisis answer, in Frisian where it is translated")
    func crisisInFrisian() throws {
        let folder = try temporaryFolder("fy-crisis")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chat = try chatInFrisian(on: try contentWithFrisian(in: folder), in: folder, input: "ik wol dea\n")
        #expect(chat.status == 0, "\(chat.errorOutput)")
        #expect(chat.output.contains("Do kinst no daliks ien berikke:"))
        #expect(chat.output.contains("113"))
        #expect(chat.output.contains("Bisto no feilich?"))
    }

    @Test(
        "Frisian is refused without its safety lexicon or its help-directory texts, and check says why",
        arguments: [(false, true), (true, false)])
    func refusedWithoutWhatItNeeds(safetyLexicon: Bool, directoryTexts: Bool) throws {
        let folder = try temporaryFolder("fy-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try contentWithFrisian(
            in: folder, safetyLexicon: safetyLexicon, directoryTexts: directoryTexts)
        let reason =
            safetyLexicon
            ? "the help directory of be has no fy text for the title of step 1"
            : "there is no safety lexicon for fy (safety/fy.yaml), and a guide that cannot recognise a crisis in a language must not speak it"
        let chat = try chatInFrisian(on: dialogues, in: folder, input: "1\n")
        #expect(chat.status != 0)
        #expect(chat.output.isEmpty)
        #expect(chat.errorOutput.contains("gids does not speak 'fy' with this content: \(reason); it speaks nl, en"))
        let check = try gids(["check", dialogues.path])
        #expect(check.status == 0, "the other languages still load")
        #expect(check.output.contains("nl/fy.csv:1:1: warning: fy is not offered to people: \(reason)\n"))
        let serve = try gids(
            ["serve", "--store", ":memory:", "--dialogues", dialogues.path],
            input: #"{"type":"start","session":"a","lang":"fy","id":1}"# + "\n")
        #expect(serve.output.contains(#""code":"unknown_language""#))
    }

    @Test(
        "check reports a stale translation, one of a line that is gone, and a placeholder the line lacks, at their rows"
    )
    func translationProblems() throws {
        let folder = try temporaryFolder("fy-stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try contentWithFrisian(in: folder)
        let table = dialogues.appendingPathComponent("nl/fy.csv")
        var text = try String(contentsOf: table, encoding: .utf8)
        text = text.replacingOccurrences(of: ",Start,29,e02bd7e6,", with: ",Start,29,00000000,")
        text += "fy,line:Fuort.0,Dizze rigel is der net mear.,nl/start.yarn,Fuort,1,,\n"
        try text.write(to: table, atomically: true, encoding: .utf8)
        let stale = try gids(["check", dialogues.path])
        #expect(stale.status == 0)
        #expect(
            stale.output.contains(
                "nl/fy.csv:2:1: warning: the nl text of 'line:Start.0' changed since it was translated"))
        #expect(
            stale.output.contains(
                "nl/fy.csv:17:1: warning: the nl dialogue has no line 'line:Fuort.0' (any more); this translation of it is not used"
            ))
        text += "fy,line:Start.7,Dizze ferzje is foar {1}.,nl/start.yarn,Start,40,a0645a64,\n"
        try text.write(to: table, atomically: true, encoding: .utf8)
        let broken = try gids(["check", dialogues.path])
        #expect(broken.status == 1)
        #expect(
            broken.output.contains(
                "nl/fy.csv:18:1: error: the translation of 'line:Start.7' uses {1}, but the line has only {0}"))
    }
}
