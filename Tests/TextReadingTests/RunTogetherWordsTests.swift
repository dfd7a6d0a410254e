import Testing
import TextReading

@Suite struct RunTogetherWordsTests {
    private static let hasDictionaries = SpellingDictionary.shared.isAvailable
    private static let skipReason: Comment =
        "needs Hunspell's dictionaries in /usr/share/hunspell (Debian: hunspell-nl, hunspell-en-gb)"

    private let words = RunTogetherWords(
        words: ["wil", "dood", "meer", "leven", "want", "die", "client", "medicijn", "kast", "zelfmoord", "gedachten"],
        shortWords: ["ik", "k", "i", "niet", "ni", "to", "je"])

    @Test(
        "a phrase typed without spaces is read as its words, as few as cover it",
        .enabled(if: hasDictionaries, skipReason))
    func splitsPhrases() {
        #expect(words.pieces(of: "ikwilnietmeerleven") == ["ik", "wil", "niet", "meer", "leven"])
        #expect(words.pieces(of: "kwilnimeerleven") == ["k", "wil", "ni", "meer", "leven"])
        #expect(words.pieces(of: "iwanttodie") == ["i", "want", "to", "die"])
        #expect(words.pieces(of: "ikwil") == ["ik", "wil"], "the longer first piece, not 'i kwil'")
    }

    @Test(
        "a word of its own is never split: a known word, a compound, one the caller takes whole, an ending",
        .enabled(if: hasDictionaries, skipReason))
    func keepsWords() {
        #expect(words.pieces(of: "leven") == nil)
        #expect(words.pieces(of: "medicijnkast") == nil, "Hunspell knows the compound")
        #expect(words.pieces(of: "zelfmoordgedachten") == nil, "Hunspell knows the compound")
        #expect(words.pieces(of: "ikwildood") { $0.hasPrefix("ikwil") } == nil, "the caller's readers take it whole")
        #expect(words.pieces(of: "clientje") == nil, "a diminutive's ending is no word")
        #expect(words.pieces(of: "wildood") == ["wil", "dood"])
        #expect(words.pieces(of: "ikwildood") == ["ik", "wil", "dood"])
        #expect(words.pieces(of: "ikdoodwil") == ["ik", "dood", "wil"])
        #expect(words.pieces(of: "ikwilxyz") == nil, "every letter must be covered")
    }

    @Test("without a dictionary nothing is split: a compound cannot be told from a phrase")
    func needsADictionary() {
        let undecided = RunTogetherWords(words: ["wil", "dood"], shortWords: ["ik"], dictionary: nil)
        #expect(undecided.pieces(of: "ikwildood") == nil)
        let missing = RunTogetherWords(
            words: ["wil", "dood"], shortWords: ["ik"],
            dictionary: SpellingDictionary(folders: ["/nonexistent"]))
        #expect(missing.pieces(of: "ikwildood") == nil)
    }

    @Test("a passage reads the pieces in the word's place, in its sentence and clause")
    func passageReadsPieces() {
        let passage = Passage("Zware dag. ikwil, echt") { $0 == "ikwil" ? ["ik", "wil"] : nil }
        #expect(passage.words == ["zware", "dag", "ik", "wil", "echt"])
        #expect(passage.sentenceOfWord == [0, 0, 1, 1, 1])
        #expect(passage.clauseOfWord[2] == passage.clauseOfWord[3])
        #expect(passage.clauseOfWord[3] != passage.clauseOfWord[4])
    }
}
