import Foundation
import TextReading

/// How practice decides which moves an utterance makes from what both of its readers found:
/// one small logistic model per move (stacked generalisation) over every move's learned score,
/// every move the patterns found, and the utterance's form.
///
/// The patterns and the learned reader each miss what the other finds, and how far each can be
/// trusted differs per move and with what else was found: a pattern's match may be wrong
/// beside other moves, a learned score right only beside another. Fixed thresholds cannot weigh
/// that; this model learns it from lines neither reader saw
/// (``PracticeTraining/crossValidate(_:moves:features:)``), so it learns how far each reader
/// holds up on new words. The patterns stay the explanation: a move they found keeps their
/// reason.
public struct PracticeCombiner: Sendable, Equatable {
    /// What the combiner knows of one utterance.
    public struct Reading: Sendable {
        /// Each move's learned score, in the order of the reader's moves.
        public var scores: [Float]
        /// Whether the patterns found each move, in the same order.
        public var ruled: [Bool]
        /// Whether the utterance asks something.
        public var asks: Bool
        /// Its words, as the language layer counts them.
        public var words: Int

        public init(scores: [Float], ruled: [Bool], asks: Bool, words: Int) {
            self.scores = scores
            self.ruled = ruled
            self.asks = asks
            self.words = words
        }

        /// The inputs of every move's model: each move's score as log-odds (a quarter of them,
        /// so that all inputs are of one size), each move the patterns found, and whether the
        /// patterns found any move, the utterance asks, and it is short (under four words, as
        /// "Mm." or "Wil je koffie?", and under eight).
        var features: SparseVector {
            var vector = SparseVector()
            for (place, score) in scores.enumerated() {
                let clamped = min(max(score, 1e-4), 1 - 1e-4)
                vector.indices.append(Int32(place))
                vector.values.append(log(clamped / (1 - clamped)) / 4)
            }
            let moves = scores.count
            for (place, found) in ruled.enumerated() where found {
                vector.indices.append(Int32(moves + place))
                vector.values.append(1)
            }
            let form = [ruled.contains(true), asks, words < 4, words < 8]
            for (place, holds) in form.enumerated() where holds {
                vector.indices.append(Int32(2 * moves + place))
                vector.values.append(1)
            }
            return vector
        }

        /// How many inputs a reading of this many moves has.
        static func featureCount(moves: Int) -> Int { 2 * moves + 4 }
    }

    /// One move's model: its weights over ``Reading/features``, its bias, and the probability
    /// from which the move counts, chosen on held-out lines
    /// (``PracticeTraining/combinerThresholds(probabilities:examples:lexicons:moves:)``).
    public struct Model: Sendable, Equatable {
        public var weights: [Float]
        public var bias: Float
        public var threshold: Float

        public init(weights: [Float], bias: Float, threshold: Float) {
            self.weights = weights
            self.bias = bias
            self.threshold = threshold
        }
    }

    /// One model per move, in the order of the reader's moves.
    public var models: [Model]

    public init(models: [Model]) {
        self.models = models
    }

    /// Each move's threshold, in the order of the reader's moves.
    public var thresholds: [Float] { models.map(\.threshold) }

    /// Each move's probability, in the order of the reader's moves.
    public func probabilities(_ reading: Reading) -> [Float] {
        let features = reading.features
        return models.map { 1 / (1 + exp(-($0.bias + features.dot($0.weights)))) }
    }

    /// The trainer of the models: unbalanced, so that a probability is the chance of the move
    /// among such readings; more passes than the learned reader's, over few inputs.
    static var trainer: LogisticRegression {
        var trainer = LogisticRegression()
        trainer.epochs = 20
        trainer.regularisation = 1e-3
        trainer.balancesClasses = false
        return trainer
    }

    /// The combiner fitted on held-out readings with their moves, each move counting from its
    /// threshold (in the order of `moves`; 0.5 where none is given).
    static func fitted(
        _ examples: [(reading: Reading, moves: Set<String>)], moves: [String], thresholds: [Float]? = nil
    ) -> PracticeCombiner {
        let features = examples.map(\.reading.features)
        let count = Reading.featureCount(moves: moves.count)
        // The trainer's weights are a power of two; the first `count` are the inputs'.
        let bits = Int.bitWidth - (count - 1).leadingZeroBitCount
        return PracticeCombiner(
            models: moves.enumerated().map { place, move in
                let (weights, bias) = trainer.fit(
                    zip(features, examples).map { ($0, $1.moves.contains(move)) }, bits: bits)
                return Model(weights: Array(weights.prefix(count)), bias: bias, threshold: thresholds?[place] ?? 0.5)
            })
    }
}
