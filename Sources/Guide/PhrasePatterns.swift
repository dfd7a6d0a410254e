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
        /// or more, and for a prefix the same for the word's start. A word the patterns know
        /// as it is (`niemand`, `willen`) is never read as a typo of another (`iemand`, `pillen`).
        func matches(_ word: Letters, allowingTypos: Bool = true) -> Bool {
            guard isPrefix else {
                return word == letters
                    || (allowingTypos && letters.count >= 5 && abs(word.count - letters.count) <= 1 && EditDistance.isAtMostOne(word[...], letters[...]))
            }
            if word.starts(with: letters) { return true }
            guard allowingTypos, letters.count >= 5, word.count >= letters.count - 1 else { return false }
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
    }

    struct Pattern: Sendable {
        var tokens: [Token]
        /// The pattern as written, for explanations.
        var text: String
        /// Where the pattern was written.
        var line: Int
        /// Whether the pattern only matches from the first word (`^`).
        var isAnchored: Bool
        /// For a one-word pattern long enough not to match by accident (a word of 7 letters,
        /// a prefix of 6), the letters (as UTF-8) to look for in the input with its spaces removed.
        var compactStem: [UInt8]?

        /// The terms every match starts with, one of which must match (a pattern never starts with a gap).
        var firstTerms: [Int]
    }

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
            return .failure(PatternError("'\(piece)' is not a word; use letters and digits, '*' alone for a gap, or 'word*' for a prefix"))
        }
        return .success(Term(letters: Array(word.unicodeScalars), isPrefix: isPrefix))
    }

    /// Every distinct word of the patterns: each is compared with an input word at most once.
    private(set) var terms: [Term] = []
    /// The whole words among them (not prefixes), to tell a known word from a typo.
    private var wholeWords: Set<Letters> = []

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
                    return .failure(PatternError("there is no list of words called '\(name)'\(Suggestions.hint(for: name, in: wordLists.keys))"))
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
        return .success(Pattern(
            tokens: tokens, text: String(text.trimmingSpaces), line: line, isAnchored: isAnchored, compactStem: compactStem(of: tokens),
            firstTerms: firstTerms))
    }

    private mutating func index(of term: Term) -> Int {
        if let index = terms.firstIndex(of: term) { return index }
        if !term.isPrefix { wholeWords.insert(term.letters) }
        terms.append(term)
        return terms.count - 1
    }

    private func compactStem(of tokens: [Token]) -> [UInt8]? {
        guard tokens.count == 1, case .term(let index) = tokens[0] else { return nil }
        let term = terms[index]
        guard term.letters.count >= (term.isPrefix ? 6 : 7) else { return nil }
        return Array(String(String.UnicodeScalarView(term.letters)).utf8)
    }

    /// A matcher for one text's words (folded, as ``TextNormalizer/words(_:)`` gives them).
    func matcher(for words: [String]) -> PhraseMatcher {
        PhraseMatcher(terms: terms, words: words.map { Array($0.unicodeScalars) }, isKnown: wholeWords.contains)
    }
}

/// Why a pattern could not be read.
struct PatternError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Matches patterns against one text's words, remembering which term matched which word.
///
/// A long text repeats most of its words, so each distinct word is compared with a term at
/// most once, and a pattern is tried only where one of its first terms matched.
struct PhraseMatcher {
    let terms: [PhrasePatterns.Term]
    /// The number of words in the text.
    let wordCount: Int
    /// The distinct words of the text, their lengths, and whether the patterns know each as
    /// it is (then it is no typo of another).
    private let distinct: [PhrasePatterns.Letters]
    private let distinctLengths: [Int]
    private let distinctKnown: [Bool]
    /// For each word of the text, its distinct word.
    private let wordIDs: [Int]
    /// For each distinct word and term: 0 not yet compared, 1 no match, 2 a match.
    private var compared: [UInt8]
    /// For each term asked about, the positions of the words it matches, in order.
    private var positions: [Int: [Int]] = [:]

    init(terms: [PhrasePatterns.Term], words: [PhrasePatterns.Letters], isKnown: (PhrasePatterns.Letters) -> Bool) {
        self.terms = terms
        wordCount = words.count
        var ids: [PhrasePatterns.Letters: Int] = [:]
        var distinct: [PhrasePatterns.Letters] = []
        wordIDs = words.map { word in
            if let id = ids[word] { return id }
            ids[word] = distinct.count
            distinct.append(word)
            return distinct.count - 1
        }
        self.distinct = distinct
        distinctLengths = distinct.map(\.count)
        distinctKnown = distinct.map(isKnown)
        compared = [UInt8](repeating: 0, count: terms.count * distinct.count)
    }

    /// Whether the pattern's first term matches a word it could start at. Most patterns fail
    /// this for most texts, and it is one look-up once the term has been compared.
    mutating func mightMatch(_ pattern: PhrasePatterns.Pattern) -> Bool {
        if pattern.isAnchored { return wordCount > 0 && pattern.firstTerms.contains { matches(word: 0, term: $0) } }
        return pattern.firstTerms.contains { !positions(of: $0).isEmpty }
    }

    /// The words a match of the pattern could start at, in order.
    mutating func starts(of pattern: PhrasePatterns.Pattern) -> [Int] {
        if pattern.isAnchored { return mightMatch(pattern) ? [0] : [] }
        if pattern.firstTerms.count == 1 { return positions(of: pattern.firstTerms[0]) }
        return Array(Set(pattern.firstTerms.flatMap { positions(of: $0) })).sorted()
    }

    /// The positions of the words a term matches.
    private mutating func positions(of term: Int) -> [Int] {
        if let known = positions[term] { return known }
        let matching = Set(distinct.indices.filter { matches(distinct: $0, term: term) })
        let found = matching.isEmpty ? [] : wordIDs.indices.filter { matching.contains(wordIDs[$0]) }
        positions[term] = found
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
            if let end = match(pattern.tokens, from: 0, at: start, before: range.upperBound, matched: &matched), end >= start {
                result.append(PhraseMatch(span: start...end, termWords: matched))
            }
        }
        return result
    }

    /// The index of the last word matched when `tokens` from `token` on match from word
    /// `index` (and end before `limit`), or nil; `matched` gets the words the terms matched.
    private mutating func match(_ tokens: [PhrasePatterns.Token], from token: Int, at index: Int, before limit: Int, matched: inout [Int]) -> Int? {
        guard token < tokens.count else { return index - 1 }
        switch tokens[token] {
        case .gap:
            for skip in (0...3).reversed() where index + skip <= limit {
                if let end = match(tokens, from: token + 1, at: index + skip, before: limit, matched: &matched) { return end }
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

    private mutating func matchRest(_ tokens: [PhrasePatterns.Token], after token: Int, word: Int, before limit: Int, matched: inout [Int]) -> Int? {
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

    private mutating func matches(word: Int, term: Int) -> Bool {
        matches(distinct: wordIDs[word], term: term)
    }

    private mutating func matches(distinct word: Int, term: Int) -> Bool {
        let slot = word * terms.count + term
        if compared[slot] == 0 {
            compared[slot] = terms[term].admits(length: distinctLengths[word])
                && terms[term].matches(distinct[word], allowingTypos: !distinctKnown[word]) ? 2 : 1
        }
        return compared[slot] == 2
    }
}

/// Where a pattern matched: its span of words, and the words its terms matched.
struct PhraseMatch: Hashable, Sendable {
    var span: ClosedRange<Int>
    var termWords: [Int]
}
