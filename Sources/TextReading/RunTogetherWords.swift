/// Reads a word typed without its spaces as the words it runs together: "ikwilnietmeerleven"
/// as "ik wil niet meer leven", "iwanttodie" as "i want to die". BRIEF §10 expects missing
/// spaces, and a rule written for words cannot see words inside one.
///
/// A word is split only into words the readers know, into as few as can cover it, and only
/// when it is not itself a word: not a word the readers know, not one the caller reads as one
/// word (its readers' prefix takes it: "zelfmoordgedachten" under "zelfmoord*"), and not a
/// word of Dutch or English by Hunspell, which alone tells a run-together phrase from a
/// compound ("medicijnkast").
/// Pieces of one or two letters are only the short words that say who and what (pronouns,
/// negations, prepositions: "ik", "k", "ni", "to"), and never the last piece, so an ending
/// is not read as a word ("clientje" is no "client je", "theyre" no "they r e"). Without a
/// dictionary nothing is split. Hunspell is asked only for a word that splits, so it loads
/// the first time one is typed.
///
/// The known words are kept sorted, and a word's splits are found by walking it letter by
/// letter against them (a binary search for each longer start, stopping where no known word
/// begins so), so a word that does not split costs a few comparisons per letter.
public struct RunTogetherWords: Sendable {
    /// The fewest letters a word needs before it is tried, and the most pieces it is split into.
    public static let shortest = 5
    public static let mostPieces = 6

    private let known: [[UInt8]]
    private let dictionary: SpellingDictionary?

    /// Splits into `words` (folded) of three letters or more and into `shortWords`.
    public init(
        words: some Sequence<String>, shortWords: some Sequence<String>, dictionary: SpellingDictionary? = .shared
    ) {
        let pieces = Set(words.map { Array($0.utf8) }.filter { $0.count >= Self.shortestPiece })
            .union(shortWords.map { Array($0.utf8) })
        known = pieces.sorted { $0.lexicographicallyPrecedes($1) }
        self.dictionary = dictionary
    }

    /// The fewest letters of a piece that is not one of the short words, and of the last piece.
    static let shortestPiece = 3

    /// The words a folded word runs together, or nil when it is a word of its own or does not
    /// split into known words. `isOneWord` is asked only of a word that splits, before
    /// Hunspell: whether the caller's readers take it as one word.
    public func pieces(of word: String, unless isOneWord: (String) -> Bool = { _ in false }) -> [String]? {
        let letters = Array(word.utf8)
        // A known word is covered by itself, one piece: never split.
        guard letters.count >= Self.shortest else { return nil }
        // fewest[end]: the fewest pieces that cover letters[..<end], and where the last starts.
        var fewest = [(count: Int, start: Int)?](repeating: nil, count: letters.count + 1)
        fewest[0] = (0, 0)
        for start in 0..<letters.count {
            guard let before = fewest[start], before.count < Self.mostPieces else { continue }
            var low = 0
            for end in (start + 1)...letters.count {
                // The first known word at or after this start's letters; none begins with them: stop.
                low = lowerBound(known, letters[start..<end], from: low)
                guard low < known.count, known[low].starts(with: letters[start..<end]) else { break }
                guard known[low].count == end - start, end < letters.count || end - start >= Self.shortestPiece else {
                    continue
                }
                if fewest[end].map({ before.count + 1 <= $0.count }) ?? true { fewest[end] = (before.count + 1, start) }
            }
        }
        guard let whole = fewest[letters.count], whole.count >= 2, !isOneWord(word) else { return nil }
        guard let dictionary, dictionary.isAvailable, !dictionary.isWord(word) else { return nil }
        var pieces: [String] = []
        var end = letters.count
        while end > 0, let last = fewest[end] {
            pieces.append(String(decoding: letters[last.start..<end], as: UTF8.self))
            end = last.start
        }
        return pieces.reversed()
    }

    /// The first place in `sorted`, from `low` on, whose word is not before `key`.
    private func lowerBound(_ sorted: [[UInt8]], _ key: ArraySlice<UInt8>, from low: Int) -> Int {
        var low = low
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
