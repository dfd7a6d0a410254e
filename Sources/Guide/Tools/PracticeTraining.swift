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
    /// The probabilities from which the combiner may count a move; each move's is the one at
    /// which held-out lines read best (``combinerThresholds(probabilities:examples:lexicons:moves:)``).
    public static let candidateThresholds: [Float] = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]

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
    /// features' version and size, and both trainers' settings and the combiner's candidate
    /// thresholds. The lexicons' patterns, which the combiner reads too, are not in it:
    /// `gids practice --check-model` compares the whole file with a newly trained one.
    public static func digest(of lines: [Line], moves: [String]) -> UInt64 {
        var hash = FNV1a()
        hash.add(
            "features \(FeatureExtractor.version) bits \(bits) \(trainer.settings) moves \(moves.joined(separator: ","))"
                + " combiner \(PracticeCombiner.trainer.settings) thresholds \(candidateThresholds)\n"
        )
        for line in lines {
            hash.add(
                "\(line.group)\t\(line.language.rawValue)\t\(line.moves.sorted().joined(separator: ","))\t\(line.text)\n"
            )
        }
        return hash.value
    }

    /// The features of each line and its number of words, read by the safety net's language layer.
    static func features(of lines: [Line], net: SafetyNet) -> [(features: SparseVector, words: Int)] {
        let extractor = FeatureExtractor(bits: bits, clauseReader: ClauseReader(vocabulary: net.clauseVocabulary))
        return lines.map { line in
            let (passage, readings) = net.read(line.text)
            return (extractor.features(of: passage, readings: readings), passage.words.count)
        }
    }

    /// One move's model, fitted on these examples and rounded as its file stores it.
    static func model(_ examples: [(features: SparseVector, label: Bool)], digest: UInt64) -> LinearModel {
        let (weights, bias) = trainer.fit(examples, bits: bits)
        return PracticeReader.model(weights: PracticeReader.quantised(weights), bias: bias, digest: digest)
    }

    /// The reader trained on all the lines, one model per move (in the order of `moves`), with
    /// the combiner fitted on held-out readings: both from the lines' cross-validation
    /// (``PracticeCrossValidation/features``, ``PracticeCrossValidation/combiner``).
    public static func train(
        _ lines: [Line], features: [SparseVector], moves: [String], combiner: PracticeCombiner, net: SafetyNet
    ) -> PracticeReader {
        precondition(features.count == lines.count, "one features vector for each line")
        let digest = digest(of: lines, moves: moves)
        return PracticeReader(
            moves: moves.map { move in
                PracticeReader.Move(
                    name: move,
                    model: model(
                        zip(features, lines).compactMap { features, line in
                            line.example(for: move).map { (features, $0) }
                        }, digest: digest))
            }, combiner: combiner, bits: bits, trainingDigest: digest, clauseVocabulary: net.clauseVocabulary)
    }

    /// Each move's threshold among ``candidateThresholds``: where the combiner's held-out
    /// probabilities find the move best (F1), a move that another move's finding makes void
    /// (`excludes:`) after that move. In the order of `moves`.
    static func combinerThresholds(
        probabilities: [[Float]], examples: [CombinerExample], lexicons: PerLanguage<PracticeLexicon>,
        moves: [String]
    ) -> [Float] {
        var thresholds = [Float](repeating: 0.5, count: moves.count)
        let voiders = moves.map { move in
            moves.indices.filter { lexicons.nl.category(moves[$0])?.excludes.contains(move) == true }
        }
        let voiding = Set(voiders.joined())
        for place in moves.indices.filter(voiding.contains) + moves.indices.filter({ !voiding.contains($0) }) {
            let move = moves[place]
            // Whether the move counts at a threshold, as ``PracticeLexicon/combined`` says it.
            func counts(_ place: Int, _ threshold: Float, _ row: [Float], asks: Bool) -> Bool {
                lexicons.nl.counts(moves[place], probability: row[place], threshold: threshold, asks: asks)
            }
            func f1(_ threshold: Float) -> Double {
                var correct = 0
                var said = 0
                var labelled = 0
                for (example, row) in zip(examples, probabilities) {
                    let asks = example.reading.asks
                    let says =
                        counts(place, threshold, row, asks: asks)
                        && !voiders[place].contains { counts($0, thresholds[$0], row, asks: asks) }
                    let label = example.expected.contains(move)
                    if says { said += 1 }
                    if label { labelled += 1 }
                    if says, label { correct += 1 }
                }
                return labelled + said == 0 ? 0 : 2 * Double(correct) / Double(labelled + said)
            }
            // The highest of equally good thresholds: no more moves said than the lines support.
            thresholds[place] = candidateThresholds.reversed().map { ($0, f1($0)) }.max { $0.1 < $1.1 }?.0 ?? 0.5
        }
        return thresholds
    }

    /// A fully labelled line as the combiner learns from it: its held-out reading and moves.
    struct CombinerExample {
        var line: Line
        var ruled: [PracticeLexicon.Finding]
        var reading: PracticeCombiner.Reading
        /// The moves it is labelled with, which the combiner learns.
        var moves: Set<String> { line.moves }
        /// The moves a reading of it can name (``PracticeLexicon/expected(_:)``), which it is judged by.
        var expected: Set<String>

        /// The moves both readers say at these thresholds, as practice reads.
        func found(
            _ probabilities: [Float], thresholds: [Float], lexicons: PerLanguage<PracticeLexicon>, moves: [String]
        ) -> Set<String> {
            Set(
                lexicons[line.language].combined(
                    ruled: ruled, probabilities: probabilities, thresholds: thresholds, asks: reading.asks, moves: moves
                ).map(\.category))
        }
    }

    /// For each group, a combiner fitted on the other groups' examples: each example's
    /// probabilities from a combiner that never saw its group.
    static func crossValidateCombiner(_ examples: [CombinerExample], moves: [String]) -> [[Float]] {
        var probabilities = [[Float]](repeating: [], count: examples.count)
        for group in Set(examples.map(\.line.group)).sorted() {
            let combiner = PracticeCombiner.fitted(
                examples.filter { $0.line.group != group }.map { ($0.reading, $0.moves) }, moves: moves)
            for index in examples.indices where examples[index].line.group == group {
                probabilities[index] = combiner.probabilities(examples[index].reading)
            }
        }
        return probabilities
    }

    /// For each group (file), a reader trained on every other group's lines; for each line
    /// each move's score from its group's reader (in the order of `moves`): a reading by a
    /// reader that never saw the line.
    public static func crossValidate(
        _ lines: [Line], moves: [String], features: [SparseVector]
    ) -> [[Float]] {
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
