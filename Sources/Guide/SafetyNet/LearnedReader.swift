import Foundation
import TextReading
import YarnScript

/// The safety net's second reader: a small linear model over the language layer's features
/// (``FeatureExtractor``), trained on every labelled line the project has (`gids safety
/// --train`). It reads what the rules have no words for, so it may add the check question
/// where the rules see no risk to anyone (nothing, clinical talk, someone else's story told
/// afterwards); it never silences a rule and never gives the crisis answer
/// on its own (a statistical reading is a reason to ask, not to conclude).
///
/// Its file is `Dialogues/safety/model.bin` (see ``LinearModel``).
public struct LearnedReader: Sendable {
    public let model: LinearModel
    let extractor: FeatureExtractor
    /// The model's file, where its labelled lines are read when an explanation needs them.
    let file: String?

    /// The reader for a model, reading clauses with the lexicons' words; a model trained with
    /// other features than this build makes is refused.
    public init(model: LinearModel, clauseVocabulary: ClauseVocabulary, file: String? = nil)
        throws(LinearModel.FileError)
    {
        guard model.featureVersion == FeatureExtractor.version else {
            throw LinearModel.FileError(
                description:
                    "the model was trained with features of version \(model.featureVersion), and this gids makes version \(FeatureExtractor.version); retrain it with `gids safety --train`"
            )
        }
        self.model = model
        self.file = file
        extractor = FeatureExtractor(bits: model.bits, clauseReader: ClauseReader(vocabulary: clauseVocabulary))
    }

    /// The model's score for a read message, from 0 to 1 (its clauses read already, or read here).
    func score(_ passage: Passage, readings: WordReadings, clauses: [Clause]? = nil) -> Float {
        model.score(extractor.features(of: passage, readings: readings, clauses: clauses))
    }

    /// The features that weigh most in the model's reading of a message, each with its weight
    /// (positive: towards asking).
    func weightiest(_ passage: Passage, readings: WordReadings, count: Int) -> [(feature: String, weight: Float)] {
        let vector = extractor.features(of: passage, readings: readings)
        var contributions: [Int: Float] = [:]
        for (index, value) in zip(vector.indices, vector.values) {
            contributions[Int(index), default: 0] += model.weights[Int(index)] * value
        }
        var named: [(feature: String, weight: Float)] = []
        var seen: Set<Int> = []
        extractor.features(of: passage, readings: readings) { group, name in
            let index = extractor.index(group: group, name: name)
            guard seen.insert(index).inserted, let weight = contributions[index] else { return }
            named.append(("\(group):\(name)", weight))
        }
        return Array(named.sorted { abs($0.weight) > abs($1.weight) }.prefix(count))
    }

    /// The labelled lines the model was trained on that read most like the message.
    func nearest(
        _ passage: Passage, readings: WordReadings, count: Int, reading: (String) -> (Passage, WordReadings)
    ) -> [(line: LabelledText, similarity: Float)] {
        let vector = extractor.features(of: passage, readings: readings)
        let lines =
            model.lines.isEmpty
            ? file.flatMap { try? LinearModel(data: Data(contentsOf: URL(fileURLWithPath: $0))).lines } ?? []
            : model.lines
        let scored = lines.map { line in
            let (other, otherReadings) = reading(line.text)
            return (line, vector.cosine(with: extractor.features(of: other, readings: otherReadings)))
        }
        return Array(scored.sorted { $0.1 > $1.1 }.prefix(count))
    }

    /// Reads the model file of a content folder's `safety/`, or says what is wrong with it.
    static func load(file: String, clauseVocabulary: ClauseVocabulary) throws(DiagnosticList) -> LearnedReader {
        let location = SourceLocation(file: file, line: 1, column: 1)
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            return try LearnedReader(
                model: try LinearModel(data: data, includingLines: false), clauseVocabulary: clauseVocabulary,
                file: file)
        } catch let error as LinearModel.FileError {
            throw DiagnosticList([Diagnostic(.error, at: location, error.description)])
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, at: location, "the learned reader's model cannot be read: \(error.localizedDescription)")
            ])
        }
    }
}
