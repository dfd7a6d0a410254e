import TextReading
import YarnScript

/// Word patterns, the language of the crisis lexicons and the practice lexicons.
///
/// Case, accents, punctuation and extra spaces are ignored, and words of five letters or
/// more may be misspelt by one letter. `*` stands for up to three words, a word ending in
/// `*` matches every word that starts with it, and `^` at the start ties the pattern to the
/// first word of the text it is matched against (a sentence, for the practice lexicons).
/// `{name}` stands for any word of a named list of words, where the lexicon defines such
/// lists (the safety lexicons' `words:`).
struct PhrasePatterns: Sendable {
    /// A word as Unicode scalars: folded text has one scalar per letter, so lengths and
    /// edits are counted cheaply and exactly.
    typealias Letters = [Unicode.Scalar]

    /// A word of a pattern, matched as a whole word or as the start of one.
    struct Term: Hashable, Sendable {
        let letters: Letters
        let isPrefix: Bool
        /// The shortest and longest word that could match, kept beside the letters: ``admits(length:)``
        /// runs for every term and word, and looking into each term's array was most of the
        /// crisis check's time (a cache miss per term).
        private let shortest: Int
        private let longest: Int

        init(letters: Letters, isPrefix: Bool) {
            self.letters = letters
            self.isPrefix = isPrefix
            let slack = letters.count >= 5 ? 1 : 0
            shortest = letters.count - slack
            longest = isPrefix ? Int.max : letters.count + slack
        }

        /// Whether a word of `length` letters could match at all: the check before comparing letters.
        func admits(length: Int) -> Bool {
            (shortest...longest).contains(length)
        }

        /// Whether an input word matches: equal or one edit apart for words of five letters
        /// or more, and for a prefix the same for the word's start. (``TermIndex`` never asks
        /// this of a word the patterns know as it is: `niemand` is no typo of `iemand`.)
        func matches(_ word: Letters) -> Bool {
            guard isPrefix else {
                return word == letters
                    || (letters.count >= 5 && abs(word.count - letters.count) <= 1
                        && EditDistance.isAtMostOne(word[...], letters[...]))
            }
            if word.starts(with: letters) { return true }
            guard letters.count >= 5, word.count >= letters.count - 1 else { return false }
            return [letters.count - 1, letters.count, letters.count + 1].contains { length in
                length <= word.count && EditDistance.isAtMostOne(word[..<length], letters[...])
            }
        }
    }

    enum Token: Hashable, Sendable {
        /// A term, by its index in ``PhrasePatterns/terms``.
        case term(Int)
        /// Up to three words.
        case gap
        /// Any one of these terms (a named list of words, `{name}`).
        case anyOf([Int])

        /// The terms a word must match here, or nil for a gap.
        var terms: [Int]? {
            switch self {
            case .term(let term): [term]
            case .anyOf(let terms): terms
            case .gap: nil
            }
        }
    }

    /// A pattern, read once and shared (a class: matching passes patterns around constantly,
    /// and a reference costs one count where a value's arrays cost one each).
    final class Pattern: Sendable {
        let tokens: [Token]
        /// The pattern as written, for explanations.
        let text: String
        /// Where the pattern was written.
        let line: Int
        /// Whether the pattern only matches from the first word (`^`).
        let isAnchored: Bool
        /// For a one-word pattern long enough not to match by accident (a word of 7 letters,
        /// a prefix of 6), the letters (as UTF-8) to look for in the input with its spaces removed.
        let compactStem: [UInt8]?
        /// The terms every match starts with, one of which must match (a pattern never starts with a gap).
        let firstTerms: [Int]
        /// The pattern's number among those read, so a matcher can remember where it may start.
        let number: Int

        /// Whether it is written as fixed words only, no lists and no gaps: a name for something
        /// ("zelfdoding", "self harm*"), not a way of saying it.
        var isFixedWords: Bool {
            tokens.allSatisfy { token in
                if case .term = token { true } else { false }
            }
        }

        init(
            tokens: [Token], text: String, line: Int, isAnchored: Bool, compactStem: [UInt8]?, firstTerms: [Int],
            number: Int
        ) {
            self.tokens = tokens
            self.text = text
            self.line = line
            self.isAnchored = isAnchored
            self.compactStem = compactStem
            self.firstTerms = firstTerms
            self.number = number
        }
    }

    /// How many patterns have been read.
    private var patternCount = 0

    /// Named lists of words (`{name}` in a pattern), by name: the index of each word's term.
    private(set) var wordLists: [String: [Int]] = [:]

    /// Defines a named list of words for `{name}` (an empty one too), each word in the language
    /// of patterns (`word` or `word*`), and says which words are not one: the list keeps the
    /// others, so that a mistake is reported once, not again at every pattern using the list.
    /// Defining a name again adds to it.
    mutating func defineList(_ name: String, words: [String]) -> [PatternError] {
        var indices: [Int] = []
        var problems: [PatternError] = []
        for word in words {
            switch term(for: Substring(word)) {
            case .success(let term): indices.append(index(of: term))
            case .failure(let problem): problems.append(problem)
            }
        }
        wordLists[name, default: []] += indices
        return problems
    }

    private func term(for piece: Substring) -> Result<Term, PatternError> {
        let isPrefix = piece.hasSuffix("*")
        let word = TextNormalizer.folded(String(isPrefix ? piece.dropLast() : piece))
        guard !word.isEmpty, !word.contains(" ") else {
            return .failure(
                PatternError(
                    "'\(piece)' is not a word; use letters and digits, '*' alone for a gap, or 'word*' for a prefix"))
        }
        return .success(Term(letters: Array(word.unicodeScalars), isPrefix: isPrefix))
    }

    /// Every distinct word of the patterns.
    private(set) var terms: [Term] = []
    private var termIndices: [Term: Int] = [:]
    /// Finds the terms a word of a message matches.
    private var index = TermIndex()
    /// Tells a real word from a typo (nil: every unknown word may be a typo of a term).
    var dictionary: SpellingDictionary? = .shared

    /// Reads one pattern, or says what is wrong with it.
    mutating func parse(_ text: Substring, line: Int) -> Result<Pattern, PatternError> {
        var body = text.trimmingSpaces
        let isAnchored = body.hasPrefix("^")
        if isAnchored { body = body.dropFirst().trimmingSpaces }
        var tokens: [Token] = []
        for piece in body.split(separator: " ") {
            if piece == "*" {
                tokens.append(.gap)
                continue
            }
            if piece.hasPrefix("{"), piece.hasSuffix("}") {
                let name = String(piece.dropFirst().dropLast())
                guard let list = wordLists[name] else {
                    return .failure(
                        PatternError(
                            "there is no list of words called '\(name)'\(Suggestions.hint(for: name, in: wordLists.keys))"
                        ))
                }
                tokens.append(.anyOf(list))
                continue
            }
            switch term(for: piece) {
            case .success(let term): tokens.append(.term(index(of: term)))
            case .failure(let problem): return .failure(problem)
            }
        }
        guard tokens.contains(where: { $0 != .gap }) else { return .failure(PatternError("this pattern has no words")) }
        let firstTerms: [Int]
        switch tokens.first {
        case .term(let term)?: firstTerms = [term]
        case .anyOf(let terms)?: firstTerms = terms
        case .gap?, nil: return .failure(PatternError("a pattern cannot start with '*'"))
        }
        patternCount += 1
        return .success(
            Pattern(
                tokens: tokens, text: String(text.trimmingSpaces), line: line, isAnchored: isAnchored,
                compactStem: compactStem(of: tokens),
                firstTerms: firstTerms, number: patternCount))
    }

    private mutating func index(of term: Term) -> Int {
        if let known = termIndices[term] { return known }
        termIndices[term] = terms.count
        index.add(term, at: terms.count)
        terms.append(term)
        return terms.count - 1
    }

    private func compactStem(of tokens: [Token]) -> [UInt8]? {
        guard tokens.count == 1, case .term(let index) = tokens[0] else { return nil }
        let term = terms[index]
        guard term.letters.count >= (term.isPrefix ? 6 : 7) else { return nil }
        return Array(String(String.UnicodeScalarView(term.letters)).utf8)
    }

    /// A matcher for one text's words (folded, as ``TextNormalizer/words(_:)`` gives them), each
    /// with the other forms it may be read as (``WordReadings``), which match only as written.
    func matcher(for words: [String], alternatives: [[String]] = []) -> PhraseMatcher {
        let readings = words.indices.map { index in
            [Array(words[index].unicodeScalars)]
                + (index < alternatives.count ? alternatives[index].map { Array($0.unicodeScalars) } : [])
        }
        return PhraseMatcher(words: readings) { readings in
            var found = index.terms(matching: readings[0], in: terms)
            // A word of Dutch or English is no typo of another ("staan" is not "slaan"): asked of
            // Hunspell only when a typo matched, which is rare.
            let exact = index.terms(matching: readings[0], in: terms, allowingTypos: false)
            if found.count > exact.count, dictionary?.isWord(String(String.UnicodeScalarView(readings[0]))) == true {
                found = exact
            }
            for other in readings.dropFirst() { found += index.terms(matching: other, in: terms, allowingTypos: false) }
            return found.count > 1 ? Array(Set(found)).sorted() : found
        }
    }

    /// The words of a named list as a lexicon writes them (`word`, `word*` for a prefix).
    func words(inList name: String) -> [String] {
        (wordLists[name] ?? []).map { index in
            String(String.UnicodeScalarView(terms[index].letters)) + (terms[index].isPrefix ? "*" : "")
        }
    }

    /// The folded words of the patterns (a prefix without its `*`), for the spelling corrector.
    var vocabulary: [String] {
        terms.map { String(String.UnicodeScalarView($0.letters)) }
    }

    /// Whether a folded word, as written, is a term of the patterns or begins with a prefix of
    /// theirs ("zelfmoordgedachten" under "zelfmoord*").
    func knows(_ word: String) -> Bool {
        !index.terms(matching: Array(word.unicodeScalars), in: terms, allowingTypos: false).isEmpty
    }
}

/// Why a pattern could not be read.
struct PatternError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Matches patterns against one text's words, remembering which terms each word matches.
///
/// A long text repeats most of its words, so each distinct word is looked up once, and a
/// pattern is tried only where one of its first terms matched.
struct PhraseMatcher {
    /// The number of words in the text.
    let wordCount: Int
    /// For each word of the text, its distinct word.
    private let wordIDs: [Int]
    /// For each distinct word, the terms it matches, in order.
    private let termsOfDistinct: [[Int]]
    /// The terms that some word of the text matches.
    private(set) var matchedTerms: [Int] = []
    /// For each term some word matches, its place in ``matchedTerms``; for each place, the
    /// distinct words that match the term and, once asked, the positions of the words. (Flat
    /// arrays of small numbers: hashing them, and releasing an array per term, was most of the work.)
    private var slotOfTerm: SparseIntMap
    private var distinctOfSlot: [[Int]] = []
    private var positionsOfSlot: [[Int]?] = []
    /// For each pattern (by number) asked about, its place in ``startLists``.
    private var startsOfPattern = SparseIntMap()
    private var startLists: [[Int]] = []

    /// A matcher for words given with all their readings (the word as typed first).
    init(
        words: [[PhrasePatterns.Letters]], termsMatching: ([PhrasePatterns.Letters]) -> [Int]
    ) {
        wordCount = words.count
        var ids: [[PhrasePatterns.Letters]: Int] = [:]
        var distinct: [[PhrasePatterns.Letters]] = []
        wordIDs = words.map { word in
            if let id = ids[word] { return id }
            ids[word] = distinct.count
            distinct.append(word)
            return distinct.count - 1
        }
        termsOfDistinct = distinct.map(termsMatching)
        slotOfTerm = SparseIntMap(capacity: termsOfDistinct.reduce(0) { $0 + $1.count })
        for (word, terms) in termsOfDistinct.enumerated() {
            for term in terms {
                let slot: Int32
                if let known = slotOfTerm[term] {
                    slot = known
                } else {
                    slot = Int32(matchedTerms.count)
                    slotOfTerm.insert(term, value: slot)
                    matchedTerms.append(term)
                    distinctOfSlot.append([])
                    positionsOfSlot.append(nil)
                }
                distinctOfSlot[Int(slot)].append(word)
            }
        }
    }

    /// Whether every word of the patterns matches some word of the text: the quick check
    /// before trying where they match.
    func mayMatch(_ patterns: [PhrasePatterns.Pattern]) -> Bool {
        patterns.allSatisfy { pattern in
            pattern.tokens.allSatisfy { token in token.terms?.contains { slotOfTerm.contains($0) } ?? true }
        }
    }

    /// Whether the word matches any term of the patterns.
    func matchesAnyTerm(word: Int) -> Bool {
        !termsOfDistinct[wordIDs[word]].isEmpty
    }

    /// Whether the pattern's first term matches a word it could start at. Most patterns fail
    /// this for most texts, and it is one look-up.
    mutating func mightMatch(_ pattern: PhrasePatterns.Pattern) -> Bool {
        !starts(of: pattern).isEmpty
    }

    /// The words a match of the pattern could start at, in order.
    mutating func starts(of pattern: PhrasePatterns.Pattern) -> [Int] {
        if let known = startsOfPattern[pattern.number] { return startLists[Int(known)] }
        let found: [Int]
        if pattern.isAnchored {
            found = wordCount > 0 && pattern.firstTerms.contains { matches(word: 0, term: $0) } ? [0] : []
        } else if pattern.firstTerms.count == 1 {
            found = positions(of: pattern.firstTerms[0])
        } else {
            let matching = pattern.firstTerms.filter { slotOfTerm.contains($0) }
            found =
                matching.count == 1
                ? positions(of: matching[0]) : Array(Set(matching.flatMap { positions(of: $0) })).sorted()
        }
        startsOfPattern.insert(pattern.number, value: Int32(startLists.count))
        startLists.append(found)
        return found
    }

    /// The positions of the words a term matches.
    private mutating func positions(of term: Int) -> [Int] {
        guard let slot = slotOfTerm[term].map(Int.init) else { return [] }
        if let known = positionsOfSlot[slot] { return known }
        let words = distinctOfSlot[slot]
        let found = wordIDs.indices.filter { words.contains(wordIDs[$0]) }
        positionsOfSlot[slot] = found
        return found
    }

    /// Every range of words the pattern matches.
    mutating func spans(of pattern: PhrasePatterns.Pattern) -> [ClosedRange<Int>] {
        matches(of: pattern, within: 0..<wordCount).map(\.span)
    }

    /// Every match of the pattern inside a range of words (a sentence), with the words its
    /// terms matched (the rest of its span is what its gaps took in).
    mutating func matches(of pattern: PhrasePatterns.Pattern, within range: Range<Int>) -> [PhraseMatch] {
        var result: [PhraseMatch] = []
        for start in starts(of: pattern) where range.contains(start) {
            var matched: [Int] = []
            if let end = match(pattern.tokens, from: 0, at: start, before: range.upperBound, matched: &matched),
                end >= start
            {
                result.append(PhraseMatch(span: start...end, termWords: matched))
            }
        }
        return result
    }

    /// The index of the last word matched when `tokens` from `token` on match from word
    /// `index` (and end before `limit`), or nil; `matched` gets the words the terms matched.
    private mutating func match(
        _ tokens: [PhrasePatterns.Token], from token: Int, at index: Int, before limit: Int, matched: inout [Int]
    ) -> Int? {
        guard token < tokens.count else { return index - 1 }
        switch tokens[token] {
        case .gap:
            for skip in (0...3).reversed() where index + skip <= limit {
                if let end = match(tokens, from: token + 1, at: index + skip, before: limit, matched: &matched) {
                    return end
                }
            }
            return nil
        case .term(let term):
            guard index < limit, matches(word: index, term: term) else { return nil }
            return matchRest(tokens, after: token, word: index, before: limit, matched: &matched)
        case .anyOf(let terms):
            guard index < limit, terms.contains(where: { matches(word: index, term: $0) }) else { return nil }
            return matchRest(tokens, after: token, word: index, before: limit, matched: &matched)
        }
    }

    private mutating func matchRest(
        _ tokens: [PhrasePatterns.Token], after token: Int, word: Int, before limit: Int, matched: inout [Int]
    ) -> Int? {
        let count = matched.count
        matched.append(word)
        if let end = match(tokens, from: token + 1, at: word + 1, before: limit, matched: &matched) { return end }
        matched.removeSubrange(count...)
        return nil
    }

    /// Whether a word matches any of the terms (a named list of words).
    mutating func word(_ index: Int, isAnyOf terms: [Int]) -> Bool {
        terms.contains { matches(word: index, term: $0) }
    }

    private func matches(word: Int, term: Int) -> Bool {
        termsOfDistinct[wordIDs[word]].contains(term)
    }
}

/// Where a pattern matched: its span of words, and the words its terms matched.
struct PhraseMatch: Hashable, Sendable {
    var span: ClosedRange<Int>
    var termWords: [Int]
}
