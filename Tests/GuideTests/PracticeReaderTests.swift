import Foundation
import Guide
import TestSupport
import Testing
import TextReading

/// Practice's learned reader of moves on the shipped content: that the shipped file is the
/// one its training data gives, what it adds to the patterns, and the figures of both readers
/// on lines they never saw (cross-validated by file).
@Suite struct PracticeReaderTests {
    private func trainingLines() throws -> [PracticeTraining.Line] {
        try PracticeTraining.lines(
            from: PracticeTraining.files(repository: repositoryRoot, shared: SharedTestData.corpora.folder),
            practiceFolder: repositoryRoot.appendingPathComponent("Dialogues/practice"))
    }

    @Test(
        "the shipped moves model was trained on exactly the labelled lines and settings there are now",
        .enabled(if: SharedTestData.corpora.isPresent, SharedTestData.corpora.skipReason))
    func modelMatchesItsTrainingData() throws {
        let lines = try trainingLines()
        let practice = try shippedPractice()
        let reader = try #require(practice.reader, "Dialogues/practice/moves.bin is shipped")
        let moves = practice.lexicons.nl.categories.map(\.id)
        #expect(reader.moves.map(\.name) == moves)
        #expect(
            reader.trainingDigest == PracticeTraining.digest(of: lines, moves: moves),
            "the corpora, the scenarios' tags or the trainer changed: run `gids practice --train` and commit Dialogues/practice/moves.bin"
        )
    }

    @Test("the moves model reads back from its file as it was written")
    func fileRoundTrip() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        let reader = try #require(practice.reader)
        let again = try PracticeReader(data: reader.data, clauseVocabulary: content.safetyNet.clauseVocabulary)
        #expect(again.moves == reader.moves)
        #expect(again.data == reader.data)
    }

    @Test("the learned reader is heard where the patterns found nothing from one threshold, beside them from another")
    func whenTheLearnedReaderIsHeard() {
        let thresholds = PracticeReader.Thresholds(alone: 0.5, beside: 0.9)
        let alone = PracticeLexicon.learnedReaderWords
        let beside = PracticeLexicon.learnedBesideWords
        #expect(PracticeLexicon.learnedSays(0.6, thresholds, patternsFound: false, words: alone))
        #expect(!PracticeLexicon.learnedSays(0.6, thresholds, patternsFound: false, words: alone - 1), "too short")
        #expect(!PracticeLexicon.learnedSays(0.6, thresholds, patternsFound: true, words: beside), "below beside")
        #expect(PracticeLexicon.learnedSays(0.95, thresholds, patternsFound: true, words: beside))
        #expect(!PracticeLexicon.learnedSays(0.95, thresholds, patternsFound: true, words: beside - 1), "too short")
        let aloneOnly = PracticeReader.Thresholds(alone: 0.5, beside: PracticeTraining.never)
        #expect(!PracticeLexicon.learnedSays(1, aloneOnly, patternsFound: true, words: 20), "never beside")
    }

    @Test("a moves model of the older format is refused with the command that makes a new one")
    func olderFormat() throws {
        let content = try shippedContent()
        let reader = try #require(try shippedPractice().reader)
        var data = reader.data
        data.replaceSubrange(0..<8, with: Array("GIDSPM01".utf8))
        #expect {
            try PracticeReader(data: data, clauseVocabulary: content.safetyNet.clauseVocabulary)
        } throws: { error in
            "\(error)".contains("older format") && "\(error)".contains("gids practice --train")
        }
    }

    @Test("both readers name the moves in what a trainee types, the patterns' reasons first")
    func bothReaders() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        let lexicon = practice.lexicons.nl
        let findings = lexicon.read(
            "Je moet echt naar de huisarts, dit is niet normaal", reader: practice.reader,
            net: content.safetyNet)
        #expect(findings.contains { $0.category == "referral" && !$0.reason.hasPrefix("learned") })
    }

    @Test("on a fresh round no reader saw (Fixtures/practice-round-Q.tsv), both readers against the patterns alone")
    func freshRound() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/GuideTests/Fixtures/practice-round-Q.tsv"),
            encoding: .utf8)
        let items = try PracticeEvaluation.items(fromTSV: text)
        let moves = practice.lexicons.nl.categories.map(\.id)
        let both = PracticeEvaluation(
            items: items,
            found: items.map { item in
                Set(
                    practice.lexicons[item.language].read(
                        item.text, reader: practice.reader, net: content.safetyNet
                    ).map(\.category))
            }, moves: moves)
        let rules = PracticeEvaluation(items: items, lexicons: practice.lexicons)
        print(
            "fresh round Q (\(items.count) utterances), both readers:\n\(both.report)\npatterns alone:\n\(rules.report)"
        )
        print(both.differences.joined(separator: "\n"))
        // Before any tuning on it (7 December 2026): both readers 82.9% recall, 96.7% precision;
        // the patterns alone 81.4% / 96.6%. Both missed asking directly about suicide in other
        // words ("liever dood", "taking your own life"); the patterns have those forms since, so
        // this round is no longer untouched for ask_suicide.
        #expect(both.microRecall >= rules.microRecall)
        #expect(both.microRecall >= 0.82, "micro recall \(both.microRecall)")
        #expect(both.microPrecision >= 0.95, "micro precision \(both.microPrecision)")
    }
}
