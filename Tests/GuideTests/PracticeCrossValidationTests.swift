import Foundation
import Guide
import TestSupport
import Testing

/// The figures of practice's two readers on trainee utterances they never saw: every labelled
/// file read by a learned reader trained on the other files (and the scenarios' tagged
/// candidates), and by the patterns. Slow in a debug build (a few minutes): its own suite, so
/// that `swift test --filter PracticeTests` stays quick. It computes on
/// its own thread (``onOwnThread(_:)``).
@Suite struct PracticeCrossValidationTests {
    @Test(
        "cross-validated by file: both readers find 90% of the moves and are right 90% of the time, every move with 10 or more examples at 80%, every file at 82%",
        .enabled(if: SharedTestData.corpora.isPresent, SharedTestData.corpora.skipReason))
    func crossValidatedByFile() async throws {
        let shared = SharedTestData.corpora.folder
        let content = try shippedContent()
        let practice = try shippedPractice()
        let lines = try PracticeTraining.lines(
            from: PracticeTraining.files(repository: repositoryRoot, shared: shared),
            practiceFolder: repositoryRoot.appendingPathComponent("Dialogues/practice"))
        let validation = try await onOwnThread {
            PracticeCrossValidation(lines: lines, lexicons: practice.lexicons, net: content.safetyNet)
        }
        print(validation.report)
        let both = validation.both
        // What this reaches on 7 December 2026, with rounds S to BJ among the files and the
        // combiner deciding each move from both readers: 91.4% micro recall, 93.7% precision
        // (83.1% / 86.6% when fixed thresholds let the learned reader add moves beside the
        // patterns'). Issue 26 asks 90% micro recall and precision and 80% per move with 10 or
        // more examples. Each move's threshold is chosen on these same held-out lines, so the
        // figures flatter a little; the fresh rounds of docs/practice.md do not.
        #expect(both.microRecall >= 0.90, "micro recall \(both.microRecall)")
        #expect(both.microPrecision >= 0.90, "micro precision \(both.microPrecision)")
        #expect(
            both.microRecall > validation.rules.microRecall + 0.10, "the learned reader adds what the patterns miss")
        for score in both.scores where score.examples >= 10 {
            #expect(score.recall >= 0.80, "\(score.move): recall \(score.recall)")
            #expect(score.precision >= 0.80, "\(score.move): precision \(score.precision)")
        }
        for (group, rules, both) in validation.groups {
            // The patterns were written beside the development corpus and the team's own lines,
            // and read those best alone (practice-dev.tsv 99.7% recall, both readers 96.1%). On
            // 7 December the lowest file was round-AH.tsv at 83.5% recall (several moves stacked
            // in one turn), and the team's sparsely labelled lines at 86.9% precision
            // (practice-labelled.tsv: the readers find moves the team did not label there).
            #expect(both.microRecall >= 0.82, "\(group): recall \(both.microRecall) (patterns \(rules.microRecall))")
            #expect(both.microPrecision >= 0.85, "\(group): precision \(both.microPrecision)")
        }
    }
}
