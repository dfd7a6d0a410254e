import Foundation
import TextReading
import YarnScript

/// How practice's learned reader (``PracticeReader``) is trained and judged: from which
/// labelled utterances, and with figures on utterances it never saw.
///
/// The lines are every labelled trainee utterance the project has: its own rounds
/// (`Corpora/practice/`), the shared development corpora (`practice-*.tsv` in
/// `../shared/domain/corpora/`), and the candidates of the scenarios with the moves their
/// authors tagged them with (`#move:`). Each file is a group; cross-validation holds out one
/// group at a time, so no line is scored by a model trained on its writer's round.
public enum PracticeTraining {
    /// One labelled utterance.
    public struct Line: Sendable, Hashable {
        public var text: String
        public var language: Language
        public var moves: Set<String>
        /// Its file (`practice-dev2.tsv`, `scenarios`).
        public var group: String

        /// Whether its moves are only some of the moves it makes: a scenario's candidate is
        /// tagged with the moves it is there to show ("Wat is er precies gebeurd?" with
        /// probe_details, not open_question). It teaches those moves, and nothing about the
        /// others, and it is not scored.
        public var isPartial: Bool { group == PracticeTraining.scenarioGroup }

        /// Whether it teaches a move's model, and what: a partly labelled line only the moves it has.
        func example(for move: String) -> Bool? {
            moves.contains(move) ? true : isPartial ? nil : false
        }
    }

    /// The group of the scenarios' tagged candidates.
    public static let scenarioGroup = "scenarios"
    /// The trainer's settings: fewer passes than the safety net's, for nineteen models, and a
    /// stronger L2 regularisation, chosen on held-out files and fresh rounds (docs/practice.md):
    /// a move has a few hundred examples, and smaller weights on many features read new words
    /// better than large ones on the training lines' own. Much stronger crowds the scores
    /// around the lowest threshold, where unsure moves get in.
    public static var trainer: LogisticRegression {
        var trainer = LogisticRegression()
        trainer.epochs = 10
        trainer.regularisation = 1e-3
        return trainer
    }
    /// The size of each move's model (`1 << bits` weights).
    public static let bits = 16
    /// The scores from which a move's model may say yes; each move's is chosen by
    /// cross-validation (``thresholds(for:scores:lexicons:net:)``), and `never` where the learned
    /// reader does not help the patterns.
    public static let candidateThresholds: [Float] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
    public static let never: Float = 2
    /// How much of a move's held-out precision its `beside` threshold may cost for the F1 it
    /// gains: feedback that credits or blames a move the trainee did not make teaches the wrong
    /// thing, so recall is bought with little precision.
    public static let besidePrecisionCost = 0.04

    /// The labelled files of a repository and a shared folder (nil: not there), in a fixed order.
    public static func files(repository: URL, shared: URL?) -> [String] {
        var files: [String] = []
        let own = repository.appendingPathComponent("Corpora/practice")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: own.path)) ?? []
        files += names.filter { $0.hasSuffix(".tsv") }.sorted().map { own.appendingPathComponent($0).path }
        if let shared {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []
            files += names.filter { $0.hasPrefix("practice") && $0.hasSuffix(".tsv") }.sorted().map {
                shared.appendingPathComponent($0).path
            }
        }
        return files
    }

    /// The labelled lines of the files (`lang<TAB>moves<TAB>text`), then the tagged candidates
    /// of the scenarios in `practiceFolder` (`Dialogues/practice`).
    public static func lines(from files: [String], practiceFolder: URL) throws -> [Line] {
        var lines: [Line] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let group = URL(fileURLWithPath: file).lastPathComponent
            lines += try PracticeEvaluation.items(fromTSV: text).map {
                Line(text: $0.text, language: $0.language, moves: $0.moves, group: group)
            }
        }
        for language in Language.sources {
            let folder = practiceFolder.appendingPathComponent(language.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.filter({ $0.hasSuffix(".yarn") }).sorted() {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for raw in text.split(separator: "\n") {
                    let line = raw.trimmingCharacters(in: .whitespaces)
                    guard line.hasPrefix("->"), line.contains("#move:"), let hash = line.firstIndex(of: "#") else {
                        continue
                    }
                    let moves = line[hash...].split(separator: " ").filter { $0.hasPrefix("#move:") }.map {
                        String($0.dropFirst(6))
                    }
                    let candidate = line[line.index(line.startIndex, offsetBy: 2)..<hash]
                        .trimmingCharacters(in: .whitespaces)
                    lines.append(Line(text: candidate, language: language, moves: Set(moves), group: scenarioGroup))
                }
            }
        }
        return lines
    }

    /// The digest of what a reader is trained from: the moves, the lines in order, the
    /// features' version and size, and the trainer's settings.
    public static func digest(of lines: [Line], moves: [String]) -> UInt64 {
        var hash = FNV1a()
        hash.add(
            "features \(FeatureExtractor.version) bits \(bits) \(trainer.settings) moves \(moves.joined(separator: ","))\n"
        )
        for line in lines {
            hash.add(
                "\(line.group)\t\(line.language.rawValue)\t\(line.moves.sorted().joined(separator: ","))\t\(line.text)\n"
            )
        }
        return hash.value
    }

    /// The features of each line, read by the safety net's language layer.
    static func features(of lines: [Line], net: SafetyNet) -> [SparseVector] {
        let extractor = FeatureExtractor(bits: bits, clauseReader: ClauseReader(vocabulary: net.clauseVocabulary))
        return lines.map { line in
            let (passage, readings) = net.read(line.text)
            return extractor.features(of: passage, readings: readings)
        }
    }

    /// One move's model, fitted on these examples and rounded as its file stores it.
    static func model(_ examples: [(features: SparseVector, label: Bool)], digest: UInt64, threshold: Float = 0.5)
        -> LinearModel
    {
        let (weights, bias) = trainer.fit(examples, bits: bits)
        return LinearModel(
            featureVersion: FeatureExtractor.version, bits: bits, weights: PracticeReader.quantised(weights),
            bias: bias, threshold: threshold, trainingDigest: digest, lines: [])
    }

    /// The reader trained on all the lines, one model per move, each saying yes from its
    /// thresholds (in the order of `moves`).
    public static func train(
        _ lines: [Line], moves: [String], thresholds: [PracticeReader.Thresholds], net: SafetyNet
    ) -> PracticeReader {
        let features = features(of: lines, net: net)
        let digest = digest(of: lines, moves: moves)
        return PracticeReader(
            moves: zip(moves, thresholds).map { move, threshold in
                PracticeReader.Move(
                    name: move,
                    model: model(
                        zip(features, lines).compactMap { features, line in
                            line.example(for: move).map { (features, $0) }
                        }, digest: digest, threshold: threshold.alone),
                    besideThreshold: threshold.beside)
            }, bits: bits, trainingDigest: digest, clauseVocabulary: net.clauseVocabulary)
    }

    /// Each move's thresholds, each the one among ``candidateThresholds`` (or ``never``) at
    /// which the patterns and the learned reader together read the held-out lines best (F1):
    /// first where the patterns found no move, then beside their moves, there only for a good
    /// move or a question's form, never a mistake (blame needs the patterns' reason), and only
    /// if the move's precision falls by at most ``besidePrecisionCost``. So the learned reader
    /// adds a move only where, on lines it never saw, that helps more than it harms. Chosen on
    /// the same held-out scores the figures are given on: say so with them.
    public static func thresholds(
        for lines: [Line], scores: [[Float]], lexicons: PerLanguage<PracticeLexicon>, net: SafetyNet
    ) -> [PracticeReader.Thresholds] {
        let moves = lexicons.nl.categories.map(\.id)
        let scored = lines.indices.filter { !lines[$0].isPartial }
        let readings = scored.map { index in
            let line = lines[index]
            let lexicon = lexicons[line.language]
            return (
                ruled: Set(lexicon.matches(in: line.text).map(\.category)),
                asks: lexicon.units(of: line.text).contains { $0.asks },
                words: net.read(line.text).0.words.count
            )
        }
        return moves.enumerated().map { place, move in
            let questionsOnly = lexicons.nl.category(move)?.questionsOnly ?? false
            // F1 and precision of the move, both readers together, at these thresholds.
            func figures(_ thresholds: PracticeReader.Thresholds) -> (f1: Double, precision: Double) {
                var correct = 0
                var found = 0
                var labelled = 0
                for (index, reading) in zip(scored, readings) {
                    let learned =
                        PracticeLexicon.learnedSays(
                            scores[index][place], thresholds, patternsFound: !reading.ruled.isEmpty,
                            words: reading.words) && (reading.asks || !questionsOnly)
                    let says = reading.ruled.contains(move) || learned
                    let label = lines[index].moves.contains(move)
                    if says { found += 1 }
                    if label { labelled += 1 }
                    if says, label { correct += 1 }
                }
                return (
                    labelled + found == 0 ? 0 : 2 * Double(correct) / Double(labelled + found),
                    found == 0 ? 1 : Double(correct) / Double(found)
                )
            }
            var best = PracticeReader.Thresholds(alone: never, beside: never)
            var bestFigures = figures(best)
            for threshold in candidateThresholds {
                let candidate = PracticeReader.Thresholds(alone: threshold, beside: never)
                let candidateFigures = figures(candidate)
                if candidateFigures.f1 > bestFigures.f1 + 0.005 { (best, bestFigures) = (candidate, candidateFigures) }
            }
            // Blame needs the patterns' reason: a mistake is named beside their moves only by them.
            let isMistake = lexicons.nl.category(move)?.kind == .mistake
            let precisionAlone = bestFigures.precision
            for threshold in candidateThresholds where !isMistake {
                let candidate = PracticeReader.Thresholds(alone: best.alone, beside: threshold)
                let candidateFigures = figures(candidate)
                if candidateFigures.f1 > bestFigures.f1 + 0.005,
                    candidateFigures.precision >= precisionAlone - besidePrecisionCost
                {
                    (best, bestFigures) = (candidate, candidateFigures)
                }
            }
            return best
        }
    }

    /// For each group (file), a reader trained on every other group's lines; for each line
    /// each move's score from its group's reader (in the order of `moves`): a reading by a
    /// reader that never saw the line.
    public static func crossValidate(_ lines: [Line], moves: [String], net: SafetyNet) -> [[Float]] {
        let features = features(of: lines, net: net)
        var scores = [[Float]](repeating: [Float](repeating: 0, count: moves.count), count: lines.count)
        for group in Set(lines.filter { !$0.isPartial }.map(\.group)).sorted() {
            let training = lines.indices.filter { lines[$0].group != group }
            let held = lines.indices.filter { lines[$0].group == group }
            for (place, move) in moves.enumerated() {
                let model = model(
                    training.compactMap { index in lines[index].example(for: move).map { (features[index], $0) } },
                    digest: 0)
                for index in held { scores[index][place] = model.score(features[index]) }
            }
        }
        return scores
    }
}

/// The figures of practice's readers on lines they never saw: each group (file) read by a
/// learned reader trained on the other groups, with the patterns alone, the learned reader
/// alone, and both as practice reads (``PracticeLexicon/read(_:reader:net:)``).
public struct PracticeCrossValidation: Sendable {
    public let lines: [PracticeTraining.Line]
    /// Each move's thresholds, in the order of the moves.
    public let thresholds: [PracticeReader.Thresholds]
    public let rules: PracticeEvaluation
    public let learned: PracticeEvaluation
    public let both: PracticeEvaluation
    /// Both readers' figures on each group, and the patterns' for comparison.
    public let groups: [(group: String, rules: PracticeEvaluation, both: PracticeEvaluation)]

    /// Cross-validates the learned reader on the lines, and reads them with the lexicons' patterns.
    public init(lines: [PracticeTraining.Line], lexicons: PerLanguage<PracticeLexicon>, net: SafetyNet) {
        let moves = lexicons.nl.categories.map(\.id)
        let scores = PracticeTraining.crossValidate(lines, moves: moves, net: net)
        self.init(
            lines: lines, scores: scores,
            thresholds: PracticeTraining.thresholds(for: lines, scores: scores, lexicons: lexicons, net: net),
            lexicons: lexicons, net: net)
    }

    /// The figures from held-out scores (``PracticeTraining/crossValidate(_:moves:net:)``) at a
    /// threshold, on the fully labelled lines (the scenarios' candidates only teach).
    public init(
        lines allLines: [PracticeTraining.Line], scores allScores: [[Float]],
        thresholds: [PracticeReader.Thresholds],
        lexicons: PerLanguage<PracticeLexicon>, net: SafetyNet
    ) {
        self.thresholds = thresholds
        let kept = allLines.indices.filter { !allLines[$0].isPartial }
        let lines = kept.map { allLines[$0] }
        let scores = kept.map { allScores[$0] }
        self.lines = lines
        let moves = lexicons.nl.categories.map(\.id)
        let learnedFound = scores.map { row in
            Set(moves.indices.filter { row[$0] >= thresholds[$0].alone }.map { moves[$0] })
        }
        var rulesFound: [Set<String>] = []
        var bothFound: [Set<String>] = []
        for (line, row) in zip(lines, scores) {
            let lexicon = lexicons[line.language]
            let ruled = lexicon.matches(in: line.text)
            rulesFound.append(Set(lexicon.classify(line.text).map(\.category)))
            let asks = lexicon.units(of: line.text).contains { $0.asks }
            let words = net.read(line.text).0.words.count
            let learned = moves.indices.filter {
                PracticeLexicon.learnedSays(row[$0], thresholds[$0], patternsFound: !ruled.isEmpty, words: words)
            }
            bothFound.append(
                Set(
                    lexicon.combined(ruled: ruled, learned: learned.map { (moves[$0], row[$0]) }, asks: asks)
                        .map(\.category)))
        }
        let items = lines.map { PracticeEvaluation.Item(language: $0.language, moves: $0.moves, text: $0.text) }
        rules = PracticeEvaluation(items: items, found: rulesFound, moves: moves)
        learned = PracticeEvaluation(items: items, found: learnedFound, moves: moves)
        both = PracticeEvaluation(items: items, found: bothFound, moves: moves)
        groups = Set(lines.map(\.group)).sorted().map { group in
            let indices = lines.indices.filter { lines[$0].group == group }
            return (
                group,
                PracticeEvaluation(
                    items: indices.map { items[$0] }, found: indices.map { rulesFound[$0] }, moves: moves),
                PracticeEvaluation(
                    items: indices.map { items[$0] }, found: indices.map { bothFound[$0] }, moves: moves)
            )
        }
    }

    /// The figures per move for each reader, then micro figures per group.
    public var report: String {
        var lines = [
            "practice moves, cross-validated by file (\(self.lines.count) labelled lines, \(groups.count) files):", "",
            "both readers (as practice reads):", both.report, "",
            "learned reader alone, at each move's threshold where the patterns find no move (chosen on these",
            "held-out scores, as its threshold beside the patterns' moves, after the slash; 2 = never):",
            learned.report,
            zip(both.scores, thresholds).map { "\($0.move) \($1.alone)/\($1.beside)" }.joined(separator: ", "), "",
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
