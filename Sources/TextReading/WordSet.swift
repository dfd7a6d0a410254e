/// A set of folded words, some of them prefixes (written `collega*`): the lists of words a
/// reader is given, in the lexicons' own notation.
public struct WordSet: Sendable {
    private var words: Set<String> = []
    private var prefixes: [String] = []

    /// The words of a list as a lexicon writes them (`word`, or `word*` for every word that starts so).
    public init(_ list: some Sequence<String>) {
        for item in list {
            if item.hasSuffix("*") { prefixes.append(String(item.dropLast())) } else { words.insert(item) }
        }
    }

    /// Whether any of the readings is in the set.
    public func contains(any readings: some Sequence<String>) -> Bool {
        readings.contains(where: contains)
    }

    /// Whether the folded word is in the set.
    public func contains(_ word: String) -> Bool {
        words.contains(word) || prefixes.contains { word.hasPrefix($0) }
    }
}
