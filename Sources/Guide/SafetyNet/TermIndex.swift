/// Finds every term of the patterns that a word matches by looking the word up, not by
/// comparing it with each term: a lexicon has thousands of terms and a message a few words.
///
/// Whole words are found by their letters, prefixes by walking the word's letters down a
/// tree of the prefixes. A one-letter typo of a whole word of five letters or more shares a
/// one-letter deletion with it (a letter swapped, added or left out), so each such term is
/// filed under its deletions and a word is looked up under its own. Prefixes of five letters
/// or more with a typo are few, and compared one by one. Letters are filed by a 64-bit
/// digest, and every find is checked against the term itself.
struct TermIndex: Sendable {
    typealias Letters = PhrasePatterns.Letters

    private var whole: [UInt64: [Int]] = [:]
    /// The tree of prefixes: each node's children by letter, and the prefix terms ending there.
    private var children: [[Unicode.Scalar: Int]] = [[:]]
    private var prefixesEndingAt: [[Int]] = [[]]
    /// Whole terms of five letters or more, under the digests of themselves and of each of their one-letter deletions.
    private var nearWhole: [UInt64: [Int]] = [:]
    /// Prefix terms of five letters or more: compared one by one with a word that may hold a typo.
    private var typoPrefixes: [Int] = []

    /// Files the term with the given index.
    mutating func add(_ term: PhrasePatterns.Term, at index: Int) {
        let letters = term.letters
        if term.isPrefix {
            var node = 0
            for letter in letters {
                if let next = children[node][letter] {
                    node = next
                } else {
                    children[node][letter] = children.count
                    node = children.count
                    children.append([:])
                    prefixesEndingAt.append([])
                }
            }
            prefixesEndingAt[node].append(index)
            if letters.count >= 5 { typoPrefixes.append(index) }
        } else {
            whole[Self.digest(letters), default: []].append(index)
            if letters.count >= 5 {
                var keys: Set<UInt64> = [Self.digest(letters)]
                for position in letters.indices { keys.insert(Self.digest(letters, leavingOut: position)) }
                for key in keys { nearWhole[key, default: []].append(index) }
            }
        }
    }

    /// The indices of every term the word matches (see ``PhrasePatterns/Term/matches(_:)``), in
    /// order. A word the patterns know as it is is no typo of another; `allowingTypos: false`
    /// matches only as written (for a word's other readings: a stem or a joined verb is no
    /// typo of anything).
    func terms(matching word: Letters, in terms: [PhrasePatterns.Term], allowingTypos: Bool = true) -> [Int] {
        var found = (whole[Self.digest(word)] ?? []).filter { terms[$0].letters == word }
        let known = !found.isEmpty || !allowingTypos
        var node = 0
        for letter in word {
            guard let next = children[node][letter] else { break }
            node = next
            found += prefixesEndingAt[node]
        }
        if !known, word.count >= 4 {
            var keys: Set<UInt64> = [Self.digest(word)]
            for position in word.indices { keys.insert(Self.digest(word, leavingOut: position)) }
            for key in keys {
                for index in nearWhole[key] ?? [] where terms[index].matches(word) { found.append(index) }
            }
            for index in typoPrefixes where terms[index].admits(length: word.count) && terms[index].matches(word) {
                found.append(index)
            }
        }
        guard found.count > 1 else { return found }
        found.sort()
        var unique = [found[0]]
        for index in found.dropFirst() where index != unique[unique.count - 1] { unique.append(index) }
        return unique
    }

    /// FNV-1a of the letters, leaving one out if asked.
    private static func digest(_ letters: Letters, leavingOut skipped: Int = -1) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for (position, letter) in letters.enumerated() where position != skipped {
            hash = (hash ^ UInt64(letter.value)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
