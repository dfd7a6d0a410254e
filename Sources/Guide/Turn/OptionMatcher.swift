import TextReading
import YarnScript

/// Finds the option a person meant, ignoring case and accents: its number, its text, an
/// unambiguous start of it, another name the dialogue gives it (`#also:NL`), or words that
/// stand in exactly one option ("Nederland" for "In Nederland", "chek-in" for "Een korte
/// check-in", one typo allowed in words of four letters or more).
public enum OptionMatcher {
    /// The 0-based position in `options` of the option meant by `answer`, or nil.
    /// `aliases` holds each option's other names, in the same order (may be shorter).
    public static func match(_ answer: String, in options: [String], aliases: [[String]] = []) -> Int? {
        let folded = TextNormalizer.folded(answer)
        guard !folded.isEmpty else { return nil }
        if let number = Int(folded) { return options.indices.contains(number - 1) ? number - 1 : nil }
        let texts = options.map(TextNormalizer.folded)
        if let exact = texts.firstIndex(of: folded) { return exact }
        if let alias = aliases.firstIndex(where: { $0.map(TextNormalizer.folded).contains(folded) }),
            options.indices.contains(alias)
        {
            return alias
        }
        if let start = unique(texts.indices.filter { texts[$0].hasPrefix(folded) }) { return start }
        // Words as characters, made once: comparing them is most of the matching.
        let words = folded.split(separator: " ").map { Array($0) }
        guard words.reduce(0, { $0 + $1.count }) >= 2 else { return nil }
        return unique(texts.indices.filter { contains(texts[$0].split(separator: " ").map { Array($0) }, words) })
    }

    /// Whether a number is what the person typed, for saying which numbers there are.
    public static func number(in answer: String) -> Int? {
        Int(TextNormalizer.folded(answer))
    }

    private static func unique(_ indices: [Int]) -> Int? {
        indices.count == 1 ? indices[0] : nil
    }

    /// Whether `words` stand, in order and next to each other, among `optionWords`.
    private static func contains(_ optionWords: [[Character]], _ words: [[Character]]) -> Bool {
        guard words.count <= optionWords.count else { return false }
        return (0...(optionWords.count - words.count)).contains { start in
            words.indices.allSatisfy { same(words[$0], optionWords[start + $0]) }
        }
    }

    private static func same(_ typed: [Character], _ word: [Character]) -> Bool {
        typed == word || (typed.count >= 4 && word.count >= 4 && EditDistance.isAtMostOne(typed[...], word[...]))
    }
}
