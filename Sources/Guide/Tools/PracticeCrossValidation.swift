import Foundation
import TextReading
import YarnScript

/// The figures of practice's readers on lines they never saw: each group (file) read by a
/// learned reader trained on the other groups, and decided by a combiner fitted on the other
/// groups' held-out readings, with the patterns alone, the learned reader alone, and both as
/// practice reads (``PracticeLexicon/read(_:reader:net:)``). It also makes the combiner that
/// `gids practice --train` ships: fitted on every line's held-out reading.
public struct PracticeCrossValidation: Sendable {
    /// The fully labelled lines (the scenarios' candidates only teach).
    public let lines: [PracticeTraining.Line]
    /// The probability from which the combiner counts each move (in the order of the moves),
    /// chosen on these held-out lines.
    public let thresholds: [Float]
    /// The combiner fitted on every line's held-out reading, counting from ``thresholds``.
    public let combiner: PracticeCombiner
    public let rules: PracticeEvaluation
    /// The learned reader alone: a move where its score is 0.5 or more.
    public let learned: PracticeEvaluation
    public let both: PracticeEvaluation
    /// Both readers' figures on each group, and the patterns' for comparison.
    public let groups: [(group: String, rules: PracticeEvaluation, both: PracticeEvaluation)]
    /// The learned reader's features of every line it was given (partial ones too, in that
    /// order), read once and kept for training the reader shipped.
    public let features: [SparseVector]

    /// Cross-validates the learned reader and the combiner on the lines, and reads them with
    /// the lexicons' patterns.
    public init(lines allLines: [PracticeTraining.Line], lexicons: PerLanguage<PracticeLexicon>, net: SafetyNet) {
        let moves = lexicons.nl.categories.map(\.id)
        let read = PracticeTraining.features(of: allLines, net: net)
        features = read.map(\.features)
        let scores = PracticeTraining.crossValidate(allLines, moves: moves, features: read.map(\.features))
        let examples = allLines.indices.filter { !allLines[$0].isPartial }.map { index in
            let line = allLines[index]
            let lexicon = lexicons[line.language]
            let ruled = lexicon.matches(in: line.text)
            return PracticeTraining.CombinerExample(
                line: line, ruled: ruled,
                reading: lexicon.combinerReading(
                    line.text, ruled: ruled, scores: scores[index], moves: moves, words: read[index].words),
                expected: lexicon.expected(line.moves))
        }
        let probabilities = PracticeTraining.crossValidateCombiner(examples, moves: moves)
        let thresholds = PracticeTraining.combinerThresholds(
            probabilities: probabilities, examples: examples, lexicons: lexicons, moves: moves)
        self.thresholds = thresholds
        combiner = PracticeCombiner.fitted(
            examples.map { ($0.reading, $0.moves) }, moves: moves, thresholds: thresholds)
        let lines = examples.map(\.line)
        self.lines = lines
        let items = lines.map { PracticeEvaluation.Item(language: $0.language, moves: $0.moves, text: $0.text) }
        let rulesFound = examples.map { Set(lexicons[$0.line.language].excluding($0.ruled).map(\.category)) }
        let bothFound = zip(examples, probabilities).map { example, row in
            example.found(row, thresholds: thresholds, lexicons: lexicons, moves: moves)
        }
        rules = PracticeEvaluation(items: items, found: rulesFound, lexicons: lexicons)
        learned = PracticeEvaluation(
            items: items,
            found: examples.map { example in
                Set(moves.indices.filter { example.reading.scores[$0] >= 0.5 }.map { moves[$0] })
            }, lexicons: lexicons)
        both = PracticeEvaluation(items: items, found: bothFound, lexicons: lexicons)
        groups = Set(lines.map(\.group)).sorted().map { group in
            let indices = lines.indices.filter { lines[$0].group == group }
            return (
                group,
                PracticeEvaluation(
                    items: indices.map { items[$0] }, found: indices.map { rulesFound[$0] }, lexicons: lexicons),
                PracticeEvaluation(
                    items: indices.map { items[$0] }, found: indices.map { bothFound[$0] }, lexicons: lexicons)
            )
        }
    }

    /// The figures per move for each reader, then micro figures per group.
    public var report: String {
        var lines = [
            "practice moves, cross-validated by file (\(self.lines.count) labelled lines, \(groups.count) files):", "",
            "both readers (as practice reads: each move counted from its threshold, chosen on these held-out",
            "lines, after it below):", both.report,
            zip(both.scores, thresholds).map { "\($0.move) \($1)" }.joined(separator: ", "), "",
            "learned reader alone (a move where its score is 0.5 or more):", learned.report, "",
            "patterns alone:", rules.report, "",
            "per file (micro recall / precision): both readers | patterns alone",
        ]
        for (group, rules, both) in groups {
            lines.append(
                group.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + String(
                        format: "%4d lines  %5.1f%% / %5.1f%%  |  %5.1f%% / %5.1f%%", rules.items.count,
                        both.microRecall * 100, both.microPrecision * 100, rules.microRecall * 100,
                        rules.microPrecision * 100))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
