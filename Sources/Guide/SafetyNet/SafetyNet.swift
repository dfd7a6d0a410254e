import Foundation
import TextReading

/// Recognises signs of suicidal thoughts or danger in anything a person types, and tells
/// them apart from a patient's death, clinical talk and questions put to someone else.
///
/// Two readers read every message over one language layer (``Passage``, ``WordReadings``):
/// the rules of the lexicons (exact and explainable) decide, and the learned reader
/// (``LearnedReader``) may add the check question where the rules see no risk to anyone
/// (``learnedReaderMayAsk(after:)``).
///
/// Every language's lexicon reads every message, as one, whatever language the conversation
/// is in: a person may switch language when it matters most, or mix two in one line. False
/// alarms are acceptable; a missed signal is not, so what is not clear is asked
/// (``SafetyAssessment/Decision/check``).
public struct SafetyNet: Sendable {
    let lexicon: SafetyLexicon
    /// The learned second reader, when the content has a model.
    public let learnedReader: LearnedReader?

    /// The fewest words a message needs before the learned reader reads it, and the most it
    /// reads: a message longer than a long answer about a shift is read by the rules alone
    /// (they read 64 KiB in one pass; the learned reader's features grow with the text).
    static let learnedReaderWords = 5
    static let learnedReaderMostWords = 600

    /// Whether the learned reader reads a message the rules decided this way: when they saw
    /// nothing, clinical talk, or someone else's story told afterwards. The last two are
    /// where a risk is named and the rules judged it not the writer's and not now ("mijn zus
    /// heeft net pillen genomen" is read as an attempt told, not as someone in danger); the
    /// reader, trained on both kinds, may still ask. A check or more is never touched.
    static func learnedReaderMayAsk(after decision: SafetyAssessment.Decision) -> Bool {
        decision < .check
    }

    /// The category of a check the learned reader asked for.
    public static let learnedCategory = "learned"

    public init(lexicon: SafetyLexicon, learnedReader: LearnedReader? = nil) {
        self.lexicon = lexicon
        self.learnedReader = learnedReader
    }

    /// The same rules with another learned reader (or none): for cross-validation, which scores
    /// each line with a model that never saw it.
    public func with(learnedReader: LearnedReader?) -> SafetyNet {
        SafetyNet(lexicon: lexicon, learnedReader: learnedReader)
    }

    /// The words that tell who a clause is about, for a learned reader of these lexicons.
    public var clauseVocabulary: ClauseVocabulary { lexicon.clauseVocabulary }

    /// What the message means for the person's safety, and why. `isChoice`: the message chooses
    /// one of the options shown (an answer such as "ja" or "weet ik niet"), which the rules read
    /// and the learned reader leaves alone: it reads what a person writes in their own words.
    /// It is worked out only when the learned reader would read the message.
    public func assess(_ text: String, isChoice: @autoclosure () -> Bool = false) -> SafetyAssessment {
        let (passage, readings) = read(text)
        guard !passage.words.isEmpty else { return .nothing }
        let clauses = ClauseReader(vocabulary: lexicon.clauseVocabulary).clauses(of: passage, readings: readings)
        var reading = SafetyReading(passage, readings: readings, clauses: clauses, with: lexicon)
        let ruled = reading.assessment()
        // The learned reader reads sentences, not short answers ("ja", "weet ik niet", "nee hoor"):
        // what is that short, the rules read alone.
        guard Self.learnedReaderMayAsk(after: ruled.decision), let learnedReader,
            (Self.learnedReaderWords...Self.learnedReaderMostWords).contains(passage.words.count), !isChoice()
        else {
            return ruled
        }
        let score = learnedReader.score(passage, readings: readings, clauses: clauses)
        guard score >= learnedReader.model.threshold else { return ruled }
        let asksSomeone = clauses.contains { $0.isQuestion && [.listener, .people].contains($0.holder) }
        return SafetyAssessment(
            decision: .check, category: Self.learnedCategory,
            reasons: [
                "learned reader: score \(Self.formatted(score)) reaches its threshold \(Self.formatted(learnedReader.model.threshold))"
            ],
            isQuestionToListener: asksSomeone)
    }

    /// How the learned reader reads a message, for whoever tunes the safety net: its score and
    /// threshold, the features that weighed most, and the three labelled lines it was trained
    /// on that read most like it. Nil without a learned reader.
    public func learnedExplanation(of text: String) -> String? {
        guard let learnedReader else { return nil }
        let (passage, readings) = read(text)
        let score = learnedReader.score(passage, readings: readings)
        var lines = [
            "learned reader: score \(Self.formatted(score)), asks from \(Self.formatted(learnedReader.model.threshold))"
                + " (it only adds a check where the rules see no risk to anyone)"
        ]
        for (feature, weight) in learnedReader.weightiest(passage, readings: readings, count: 8) {
            lines.append("  \(weight >= 0 ? "+" : "")\(Self.formatted(weight))  \(feature)")
        }
        lines.append("  nearest labelled lines:")
        for (line, similarity) in learnedReader.nearest(passage, readings: readings, count: 3, reading: read) {
            let label = line.label ? "ask" : "ordinary"
            lines.append("  \(Self.formatted(similarity))  [\(label), \(line.category), \(line.group)] \(line.text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The message read by the language layer, as both readers read it.
    public func read(_ text: String) -> (Passage, WordReadings) {
        // A word typed without spaces is read as its words, unless the patterns take it as one
        // word (by a prefix) or it is a typo of one ("gegoogled" is "gegoogeld", not "ge googled").
        let passage = Passage(text) { word in
            lexicon.runTogether.pieces(of: word) {
                lexicon.patterns.knows($0) || lexicon.corrector.correction(for: $0) != nil
            }
        }
        return (passage, WordReadings(of: passage, corrector: lexicon.corrector))
    }

    static func formatted(_ score: Float) -> String {
        String(format: "%.2f", Double(score))
    }
}
