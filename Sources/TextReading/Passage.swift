import Foundation

/// A message as every reader of free text reads it: folded words, with the sentences and
/// clauses they stand in, and which words stand inside quotation marks.
///
/// What a person types in distress is often not tidy, and text that tries to slip past a
/// word list is not either, so the words are made comparable first: compatibility forms
/// (full-width letters, ligatures, composed accents) through Unicode NFKC, letters that only
/// look Latin (Cyrillic and Greek look-alikes) as the Latin letter, digits and signs written
/// for letters inside a word (`z3lfm00rd`) as those letters, letters held down (`dooood`)
/// as two, accents and case dropped. English clitics stay with their word (`don't` is
/// `dont`); other apostrophes split (`da'k` is `da k`, as Flemish chat writes "dat ik").
public struct Passage: Sendable {
    /// The folded words, in order.
    public private(set) var words: [String] = []
    /// For each word, the sentence it stands in (split at `.`, but not a title's, `!`, `?`, `;`,
    /// `:` and line breaks).
    public private(set) var sentenceOfWord: [Int] = []
    /// For each word, the clause it stands in (sentences split at commas and quotation marks
    /// too): its place in `clauseRanges`.
    public private(set) var clauseOfWord: [Int] = []
    /// For each sentence, whether it asks something (ends with a question mark).
    public private(set) var sentenceAsks: [Bool] = []
    /// For each sentence, the range of its words.
    public private(set) var sentenceRanges: [Range<Int>] = []
    /// For each sentence, the words of the sentences it is joined with by colons ("ik denk
    /// soms: het zou zo makkelijk zijn"): a rule's parts may stand on either side.
    public private(set) var passageRanges: [Range<Int>] = []
    /// For each sentence, whether it ended with a colon.
    public private(set) var endsWithColon: [Bool] = []
    /// For each clause, the range of its words.
    public private(set) var clauseRanges: [Range<Int>] = []
    /// For each word, whether it stands between double quotation marks (`"`, `“ ”`, `„ “`, `« »`):
    /// someone else's words, quoted.
    public private(set) var isQuoted: [Bool] = []

    /// The passage of a text; `splitting` gives the words a folded word runs together, if it
    /// does ("ikwilnietmeerleven": see ``RunTogetherWords``), read in its place.
    public init(_ text: String, splitting: ((String) -> [String]?)? = nil) {
        var word = String.UnicodeScalarView()
        var sentence = 0
        var clause = 0
        var sentenceHasWords = false
        var pendingApostrophe = false
        var quoting = false
        func endWord() {
            guard !word.isEmpty else { return }
            let folded = Self.readable(word)
            for piece in splitting?(folded) ?? [folded] {
                words.append(piece)
                sentenceOfWord.append(sentence)
                clauseOfWord.append(clause)
                isQuoted.append(quoting)
            }
            sentenceHasWords = true
            word = String.UnicodeScalarView()
        }
        func endSentence(asking: Bool, colon: Bool = false) {
            endWord()
            guard sentenceHasWords else { return }
            sentenceAsks.append(asking)
            endsWithColon.append(colon)
            sentence += 1
            clause += 1
            sentenceHasWords = false
        }
        // Scalar by scalar: after composing and dropping marks, each letter is one scalar.
        let scalars = Array(Self.comparable(text).unicodeScalars)
        var singleQuoting = false
        for (position, scalar) in scalars.enumerated() {
            if Self.apostrophes.contains(scalar) {
                // 'like this': a quotation mark where a word starts (but not "'k", "'t"), or where one ends.
                if !singleQuoting, Self.opensQuotation(scalars, at: position) {
                    endWord()
                    clause += 1
                    singleQuoting = true
                    quoting = true
                    continue
                }
                if singleQuoting, !word.isEmpty,
                    position + 1 == scalars.count || !Self.isLetterOrDigit(scalars[position + 1])
                {
                    endWord()
                    clause += 1
                    singleQuoting = false
                    quoting = false
                    continue
                }
            }
            if Self.isLetterOrDigit(scalar) || (!word.isEmpty && Self.letterSigns[scalar] != nil) {
                if pendingApostrophe {
                    // An English clitic stays with its word: don't, I'm, she's, we've.
                    if !Self.cliticStarts.contains(scalar) { endWord() }
                    pendingApostrophe = false
                }
                word.append(scalar)
                continue
            }
            if Self.apostrophes.contains(scalar) {
                pendingApostrophe = !word.isEmpty
                continue
            }
            pendingApostrophe = false
            switch scalar {
            case "\"", "“", "”", "„", "«", "»":
                // A quotation is a clause of its own: someone's words.
                endWord()
                clause += 1
                quoting = scalar == "\"" ? !quoting : scalar != "”" && scalar != "»"
            case "." where Self.titles.contains(Self.readable(word)):
                // "Mw. zegt: ..." is one sentence: a title's full stop ends only the word.
                endWord()
            case ".", "!", "?", ";", ":", "\n", "…", "¿", "¡":
                endSentence(asking: scalar == "?", colon: scalar == ":")
            case ",":
                endWord()
                clause += 1
            default:
                endWord()
            }
        }
        endSentence(asking: false)
        var start = 0
        for index in sentenceAsks.indices {
            let end = sentenceOfWord[start...].firstIndex { $0 != index } ?? words.count
            sentenceRanges.append(start..<end)
            start = end
        }
        // Clauses numbered from 0 without gaps, so a word's clause is its place in `clauseRanges`.
        start = 0
        while start < words.count {
            let end = clauseOfWord[start...].firstIndex { $0 != clauseOfWord[start] } ?? words.count
            for word in start..<end { clauseOfWord[word] = clauseRanges.count }
            clauseRanges.append(start..<end)
            start = end
        }
        for index in sentenceRanges.indices {
            var first = index
            while first > 0, endsWithColon[first - 1] { first -= 1 }
            var last = index
            while last + 1 < sentenceRanges.count, endsWithColon[last] { last += 1 }
            passageRanges.append(sentenceRanges[first].lowerBound..<sentenceRanges[last].upperBound)
        }
    }

    /// The number of sentences.
    public var sentenceCount: Int { sentenceAsks.count }

    // MARK: - Making letters comparable

    /// Compatibility forms composed (NFKC), lower case, accents off, look-alike letters as Latin.
    private static func comparable(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
        var result = ""
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if let latin = lookAlikes[scalar] {
                result.unicodeScalars.append(latin)
            } else if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .format
            {
                continue  // a combining accent the composition left, or a zero-width character
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return String(String.UnicodeScalarView(result.unicodeScalars.map { TextNormalizer.accentless[$0] ?? $0 }))
    }

    /// A word as the lexicons spell: digits and signs inside a word that has letters read as
    /// the letters they stand for, and a letter repeated three or more times read twice.
    private static func readable(_ word: String.UnicodeScalarView) -> String {
        let hasLetter = word.contains { isLetterOrDigit($0) && !isDigit($0) }
        let hasSign = word.contains { !isLetterOrDigit($0) || isDigit($0) }
        var result = String.UnicodeScalarView()
        var previous: (Unicode.Scalar?, Unicode.Scalar?) = (nil, nil)
        for original in word {
            let scalar = hasLetter && hasSign ? letterSigns[original] ?? original : original
            if previous.0 == scalar, previous.1 == scalar { continue }
            result.append(scalar)
            previous = (previous.1, scalar)
        }
        return String(result)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDigit(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// Titles written with a full stop before a name in care notes (mevr., dhr., mw., pt., Mr.,
    /// Mrs., Dr.), folded.
    private static let titles: Set<String> = ["mw", "mevr", "mvr", "dhr", "hr", "pt", "mr", "mrs", "ms", "dr"]

    /// Apostrophes, and single quotation marks, which are typed the same.
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "’", "‘", "`", "´"]

    /// Whether the apostrophe at `position` opens a quotation: it stands where a word starts,
    /// before letters that are not a Dutch clitic ("'k", "'t", "'m", "'n", "'s").
    private static func opensQuotation(_ scalars: [Unicode.Scalar], at position: Int) -> Bool {
        guard position == 0 || !isLetterOrDigit(scalars[position - 1]),
            position + 1 < scalars.count, isLetterOrDigit(scalars[position + 1])
        else { return false }
        let isSingleLetter = position + 2 >= scalars.count || !isLetterOrDigit(scalars[position + 2])
        return !(isSingleLetter && ["k", "t", "m", "n", "s"].contains(scalars[position + 1]))
    }

    /// The first letters of what follows an apostrophe in English contractions (n't, 'm, 's,
    /// 're, 've, 'll, 'd).
    private static let cliticStarts: Set<Unicode.Scalar> = ["t", "m", "s", "r", "v", "l", "d"]

    /// Digits and signs written for letters: `z3lfm00rd`, `k1ll`, `$uicide`, `dr@`.
    private static let letterSigns: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s",
    ]

    /// Cyrillic and Greek letters that look like Latin ones (after lower-casing).
    private static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            ("аеорсухіјѕԁһкмтвнӏ", "aeopcyxijsdhkmtbhl"),
            ("αεορυνικτχ", "aeopunikty"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) { table[a] = b }
        }
        return table
    }()
}
