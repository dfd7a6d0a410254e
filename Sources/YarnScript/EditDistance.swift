/// How many single-character edits turn one word into another: insertions, deletions,
/// substitutions and swaps of neighbours (optimal string alignment distance). Used for
/// "did you mean" suggestions and for recognising misspelt words.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// Whether `a` and `b` are at most one edit apart (as ``between(_:_:)`` counts edits),
    /// in one pass: the check for misspelt words, made on every message.
    @inlinable public static func isAtMostOne<T: Equatable>(_ a: ArraySlice<T>, _ b: ArraySlice<T>) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        let common = zip(a, b).prefix { $0 == $1 }.count
        let restA = a.dropFirst(common)
        let restB = b.dropFirst(common)
        if restA.isEmpty || restB.isEmpty { return true }  // equal, or one letter added at the end
        if restA.dropFirst().elementsEqual(restB.dropFirst()) { return true }  // one substitution
        // One insertion or deletion.
        if restA.dropFirst().elementsEqual(restB) || restA.elementsEqual(restB.dropFirst()) { return true }
        // Two neighbours swapped.
        return restA.count == restB.count && restA.count >= 2 && restA[restA.startIndex] == restB[restB.startIndex + 1]
            && restA[restA.startIndex + 1] == restB[restB.startIndex]
            && restA.dropFirst(2).elementsEqual(restB.dropFirst(2))
    }
}
