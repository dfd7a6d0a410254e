import Foundation

/// Trains a ``LinearModel`` by logistic regression: stochastic gradient descent with a
/// learning rate per weight (AdaGrad), L2 regularisation, and by default the two classes
/// weighted equally however many lines each has.
///
/// Deterministic: the order of the lines in each pass comes from a seeded generator, and
/// nothing runs in parallel, so the same lines and settings give the same model, byte for
/// byte, on every machine and build.
public struct LogisticRegression: Sendable {
    /// Passes over the lines.
    public var epochs = 12
    /// The step size (AdaGrad scales it per weight).
    public var learningRate: Float = 0.4
    /// How strongly weights are pulled towards zero.
    public var regularisation: Float = 1e-5
    /// The seed of the order of lines.
    public var seed: UInt64 = 20_261_206
    /// Whether the two classes weigh equally, however many lines each has: a rare class is
    /// then found more often (recall) at the cost of scores that are no longer the chance
    /// of a yes among such lines, which a model whose score is a probability needs.
    public var balancesClasses = true

    public init() {}

    /// A description of the settings, for the model's training digest.
    public var settings: String {
        "epochs=\(epochs) rate=\(learningRate) l2=\(regularisation) seed=\(seed)"
            + (balancesClasses ? "" : " unbalanced")
    }

    /// The weights and bias that fit the examples.
    public func fit(_ examples: [(features: SparseVector, label: Bool)], bits: Int) -> (weights: [Float], bias: Float) {
        let size = 1 << bits
        var weights = [Float](repeating: 0, count: size)
        var squares = [Float](repeating: 0, count: size)
        var bias: Float = 0
        var biasSquares: Float = 0
        let positives = examples.filter(\.label).count
        let negatives = examples.count - positives
        guard positives > 0, negatives > 0 else { return (weights, positives > 0 ? 10 : -10) }
        let positiveWeight = balancesClasses ? Float(examples.count) / Float(2 * positives) : 1
        let negativeWeight = balancesClasses ? Float(examples.count) / Float(2 * negatives) : 1
        var random = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        for _ in 0..<epochs {
            for index in order.indices.reversed() where index > 0 {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            for example in order.map({ examples[$0] }) {
                let score = 1 / (1 + exp(-(bias + example.features.dot(weights))))
                let error = (score - (example.label ? 1 : 0)) * (example.label ? positiveWeight : negativeWeight)
                let features = example.features
                for position in features.indices.indices {
                    let place = Int(features.indices[position])
                    let gradient = error * features.values[position] + regularisation * weights[place]
                    squares[place] += gradient * gradient
                    weights[place] -= learningRate * gradient / (squares[place] + 1e-8).squareRoot()
                }
                biasSquares += error * error
                bias -= learningRate * error / (biasSquares + 1e-8).squareRoot()
            }
        }
        return (weights, bias)
    }
}

/// A small, fast generator of pseudo-random numbers (SplitMix64), the same on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
