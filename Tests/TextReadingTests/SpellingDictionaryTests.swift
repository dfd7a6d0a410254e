import Foundation
import Testing
import TextReading

@Suite struct SpellingDictionaryTests {
    @Test("Hunspell knows Dutch and English words, compounds too, and no typos; a real word is never corrected")
    func realWords() throws {
        let dictionary = SpellingDictionary.shared
        guard dictionary.isAvailable else {
            print(
                "SpellingDictionaryTests skipped: no Hunspell dictionaries in /usr/share/hunspell (Debian: hunspell-nl, hunspell-en-gb)"
            )
            return
        }
        #expect(dictionary.isWord("zelfmoordgedachten"))
        #expect(dictionary.isWord("disappeared"))
        #expect(!dictionary.isWord("zelfmort"))
        let corrector = SpellingCorrector(vocabulary: ["verdwalen", "zelfmoord"], dictionary: dictionary)
        #expect(corrector.correction(for: "verdwaald") == nil, "a word of Dutch is not a typo of another")
        #expect(corrector.correction(for: "zelfmort") == "zelfmoord")
    }
}
