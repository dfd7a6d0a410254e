import Foundation

/// How well a reader of practice (the lexicons' patterns, the learned reader, or both) names
/// the moves in a labelled set of trainee utterances: recall and precision per move, and
/// micro-averaged over all moves. Trainers run it on their own labelled utterances with
/// `gids practice --evaluate --labels FILE` (cross-validated, ``PracticeCrossValidation``);
/// `swift test` runs it on the development corpora written independently of the lexicons.
///
/// The file is tab-separated: language (`nl` or `en`), the moves (comma-separated, `-` for
/// none), the utterance. Lines starting with `#` are comments.
public struct PracticeEvaluation: Sendable {
    /// One labelled utterance.
    public struct Item: Sendable {
        public var language: Language
        public var moves: Set<String>
        public var text: String

        public init(language: Language, moves: Set<String>, text: String) {
            self.language = language
            self.moves = moves
            self.text = text
        }
    }

    /// The figures of one move.
    public struct Score: Sendable {
        public var move: String
        /// Utterances labelled with the move.
        public var examples: Int
        /// Utterances the lexicon found the move in.
        public var found: Int
        /// Utterances both labelled with and found to have the move.
        public var correct: Int

        public var recall: Double { examples == 0 ? 1 : Double(correct) / Double(examples) }
        public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
    }

    public let items: [Item]
    public let scores: [Score]
    /// Each difference from the labels: the move, missed or wrongly found, and the utterance.
    public let differences: [String]

    /// Reads a labelled file; a line that is not `lang<TAB>moves<TAB>text` is reported with its number.
    public static func items(fromTSV text: String) throws -> [Item] {
        var items: [Item] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let language = Language(rawValue: String(fields[0])),
                Language.sources.contains(language)
            else {
                throw LabelError(line: number + 1)
            }
            let moves =
                fields[1] == "-"
                ? [] : Set(fields[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            items.append(Item(language: language, moves: moves, text: String(fields[2])))
        }
        return items
    }

    /// A line of a labelled file that is not `lang<TAB>moves<TAB>text`.
    public struct LabelError: Error, CustomStringConvertible {
        public var line: Int
        public var description: String { "line \(line): expected 'nl' or 'en', a tab, the moves, a tab, the utterance" }
    }

    /// Scores every move the lexicons know, plus any move only the labels name.
    public init(items: [Item], lexicons: PerLanguage<PracticeLexicon>) {
        self.init(
            items: items, found: items.map { Set(lexicons[$0.language].classify($0.text).map(\.category)) },
            lexicons: lexicons)
    }

    /// Scores what a reader found in each item (`found`, in the same order) against its labels
    /// as the lexicons read them (``PracticeLexicon/expected(_:)``), for every move the
    /// lexicons know plus any move only the labels name.
    public init(items labelled: [Item], found: [Set<String>], lexicons: PerLanguage<PracticeLexicon>) {
        let items = labelled.map {
            Item(language: $0.language, moves: lexicons[$0.language].expected($0.moves), text: $0.text)
        }
        self.items = items
        var moves = lexicons.nl.categories.map(\.id)
        for move in Set(items.flatMap(\.moves)).sorted() where !moves.contains(move) { moves.append(move) }
        var differences: [String] = []
        scores = moves.map { move in
            var score = Score(move: move, examples: 0, found: 0, correct: 0)
            for (item, moves) in zip(items, found) {
                let labelled = item.moves.contains(move)
                let seen = moves.contains(move)
                if labelled { score.examples += 1 }
                if seen { score.found += 1 }
                if labelled, seen { score.correct += 1 }
                if labelled != seen {
                    differences.append(
                        "\(move) \(labelled ? "missed" : "wrongly found") (\(item.language.rawValue)): \(item.text)")
                }
            }
            return score
        }
        self.differences = differences
    }

    /// Micro-averaged over every labelled move: all correct findings over all labels.
    public var microRecall: Double {
        let examples = scores.map(\.examples).reduce(0, +)
        return examples == 0 ? 1 : Double(scores.map(\.correct).reduce(0, +)) / Double(examples)
    }

    /// Micro-averaged: all correct findings over all findings.
    public var microPrecision: Double {
        let found = scores.map(\.found).reduce(0, +)
        return found == 0 ? 1 : Double(scores.map(\.correct).reduce(0, +)) / Double(found)
    }

    /// The figures as a table, one move per line, then the micro averages.
    public var report: String {
        func line(_ name: String, _ examples: Int, _ recall: Double, _ precision: Double) -> String {
            name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: "%8d  %6.1f%%  %8.1f%%", examples, recall * 100, precision * 100)
        }
        var lines = ["move              examples   recall  precision"]
        for score in scores where score.examples > 0 || score.found > 0 {
            lines.append(line(score.move, score.examples, score.recall, score.precision))
        }
        lines.append(line("micro", scores.map(\.examples).reduce(0, +), microRecall, microPrecision))
        return lines.joined(separator: "\n")
    }
}
