/// Features of one text for a linear model: indices into the model's weights, and values.
public struct SparseVector: Sendable {
    public var indices: [Int32] = []
    public var values: [Float] = []

    public init() {}

    /// The dot product with dense weights.
    public func dot(_ weights: [Float]) -> Float {
        // Positions rather than `zip`: unoptimised builds (the tests train models) spend most
        // of their time in `zip`'s generic machinery.
        var sum: Float = 0
        for place in indices.indices { sum += weights[Int(indices[place])] * values[place] }
        return sum
    }

    /// The cosine of the angle with another vector (both as they are, not normalised again).
    public func cosine(with other: SparseVector) -> Float {
        var mine: [Int32: Float] = [:]
        for (index, value) in zip(indices, values) { mine[index, default: 0] += value }
        var dot: Float = 0
        for (index, value) in zip(other.indices, other.values) { dot += (mine[index] ?? 0) * value }
        let norms = (values.reduce(0) { $0 + $1 * $1 } * other.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 0
    }
}
