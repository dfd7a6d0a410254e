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
        "cross-validated by file, per move: both readers together beat the patterns alone on the other hands' files",
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
        // What this reaches on 7 December 2026, with rounds S to AL among the files and the
        // learned reader heard beside the patterns' good moves too (in eight words or more, where
        // it costs a move at most 4 points of held-out precision): 83.1% micro recall, 86.6%
        // precision (79.7% / 87.6% when it was heard only where the patterns found nothing). This
        // guards what the readers reach, a point below it, and moves with the files: each new
        // hand's file lowers the figures over all files a little. Issue 26 asks 90% micro recall
        // and precision and 80% per move with 10 or more examples: not reached. The thresholds
        // were chosen on these same held-out scores, so the figures are a little optimistic.
        #expect(both.microRecall >= 0.82, "micro recall \(both.microRecall)")
        #expect(both.microPrecision >= 0.85, "micro precision \(both.microPrecision)")
        #expect(both.microRecall > validation.rules.microRecall, "the learned reader adds what the patterns miss")
        for (group, rules, both) in validation.groups {
            #expect(both.microRecall >= rules.microRecall, "\(group): recall \(both.microRecall)")
            // The learned reader costs some files precision, the team's own short textbook lines
            // most (on 7 December, practice-labelled.tsv 85.0% against 92.3%: it adds moves the
            // team did not label there, "Hoe was je dienst?" as question 1, and some no trainer
            // would give); the other hands' rounds lose at most 3.4 points (practice-dev2.tsv).
            #expect(both.microPrecision >= rules.microPrecision - 0.10, "\(group): precision \(both.microPrecision)")
        }
        for score in both.scores where score.examples >= 10 {
            #expect(score.recall >= 0.50, "\(score.move): recall \(score.recall)")
        }
    }
}
