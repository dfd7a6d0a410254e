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
        // What this reaches on 7 December 2026, with rounds S to AL among the files: 79.7% micro
        // recall, 87.6% precision; on practice-dev2.tsv 78.3% / 87.8%, on round-AH.tsv 68.0% /
        // 80.1%. Each new hand's file lowers the figures over all files a little (81.8% / 88.7%
        // before rounds AF to AL), so this guards what the readers reach, a point below it, and
        // moves with the files. Issue 26 asks 90% micro recall and 80% per move with 10 or more
        // examples: not reached. The thresholds were chosen on these same held-out scores, so
        // the figures are a little optimistic.
        #expect(both.microRecall >= 0.79, "micro recall \(both.microRecall)")
        #expect(both.microPrecision >= 0.87, "micro precision \(both.microPrecision)")
        #expect(both.microRecall > validation.rules.microRecall, "the learned reader adds what the patterns miss")
        for (group, rules, both) in validation.groups {
            #expect(both.microRecall >= rules.microRecall, "\(group): recall \(both.microRecall)")
            // The learned reader costs some files precision (on 7 December, practice-labelled.tsv
            // 89.7% against 92.3%, round-U.tsv 87.1% against 89.6%).
            #expect(both.microPrecision >= rules.microPrecision - 0.04, "\(group): precision \(both.microPrecision)")
        }
        for score in both.scores where score.examples >= 10 {
            #expect(score.recall >= 0.50, "\(score.move): recall \(score.recall)")
        }
    }
}
