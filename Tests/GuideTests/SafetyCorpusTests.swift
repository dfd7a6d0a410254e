import Foundation
import Guide
import TestSupport
import Testing

/// The development corpora of `../shared/domain/corpora/` (or `$GIDS_CORPORA`), written
/// independently of the lexicons, and the project's own, run through real conversations.
@Suite struct SafetyCorpusTests {
    private static let corpora = SharedTestData.corpora

    private func run(_ file: String) throws -> [SafetyCorpus.Result] {
        let results = SafetyCorpus.run(try SafetyCorpus.read(file: file), content: try shippedContent())
        print(
            "safety net on \(URL(fileURLWithPath: file).lastPathComponent):\n\(SafetyCorpus.table(results))",
            terminator: "")
        return results
    }

    /// Lines that did not reach the crisis answer, directly or after "ja" to the check question.
    private func missed(_ results: [SafetyCorpus.Result]) -> [String] {
        results.filter { !($0.outcome == .crisis || ($0.outcome == .check && $0.yesReachedCrisis)) }.map {
            "\($0.line.category): \($0.line.text)"
        }
    }

    /// Ordinary lines: about patients and training none gets the crisis answer, in all at most
    /// 3% do and at most 10% the check question; negated and trainee lines at most 10% the crisis answer.
    private func expectOrdinaryTargets(_ results: [SafetyCorpus.Result]) {
        let talk = results.filter { ["patient-death", "clinical", "idiom", "answer"].contains($0.line.category) }
        let crises = talk.filter { $0.outcome == .crisis }
        #expect(crises.filter { ["patient-death", "clinical"].contains($0.line.category) }.map(\.line.text) == [])
        #expect(Double(crises.count) <= Double(talk.count) * 0.03, "\(crises.map(\.line.text))")
        #expect(Double(talk.filter { $0.outcome == .check }.count) <= Double(talk.count) * 0.10)
        let asked = results.filter { ["negated", "trainee"].contains($0.line.category) }
        #expect(Double(asked.filter { $0.outcome == .crisis }.count) <= Double(asked.count) * 0.10)
    }

    @Test(
        "every crisis line of the development corpus reaches the crisis answer, directly or after 'ja' to the check question",
        .enabled(if: corpora.isPresent, corpora.skipReason)
    )
    func developmentCrisis() throws {
        let results = try run(Self.corpora.file("crisis-dev.tsv").path)
        #expect(results.count >= 200)
        #expect(missed(results) == [])
    }

    @Test(
        "ordinary lines of the development corpus: no crisis answer about patients or training, few check questions",
        .enabled(if: corpora.isPresent, corpora.skipReason))
    func developmentOrdinary() throws {
        let results = try run(Self.corpora.file("ordinary-dev.tsv").path)
        #expect(results.count >= 300)
        expectOrdinaryTargets(results)
    }

    @Test("the project's own crisis and ordinary lines meet the same targets")
    func ownCorpora() throws {
        let crisis = try run(repositoryRoot.appendingPathComponent("Corpora/safety/crisis-own.tsv").path)
        #expect(missed(crisis) == [])
        expectOrdinaryTargets(
            try run(repositoryRoot.appendingPathComponent("Corpora/safety/ordinary-own.tsv").path))
    }

    @Test("a malformed corpus line is reported with its file and line")
    func malformedLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString).tsv")
        try "# header\nnl\twish-dead\tik wil dood\nfr\tx\ty\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DiagnosticList.self) { try SafetyCorpus.read(file: file.path) }
        do throws(DiagnosticList) {
            _ = try SafetyCorpus.read(file: file.path)
        } catch {
            #expect(
                error.description == "\(file.path):3:1: error: expected lang<TAB>category<TAB>text, with lang nl or en")
        }
    }
}
