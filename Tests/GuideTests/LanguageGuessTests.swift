import Guide
import Testing

@Suite struct LanguageGuessTests {
    @Test("greetings, check-in answers and crisis phrases tell Dutch from English")
    func tellsTheLanguage() {
        for dutch in ["hoi", "Goedemorgen!", "ik wil niet meer leven", "Een lange dienst, ik ben moe", "vergeet mij"] {
            #expect(LanguageGuess.language(of: dutch) == .nl, "\(dutch)")
        }
        for english in ["hello", "Hi", "I want to die", "I’m so tired after my shift", "forget me", "I can't go on"] {
            #expect(LanguageGuess.language(of: english) == .en, "\(english)")
        }
    }

    @Test("words both languages share, numbers and names do not tell")
    func undecided() {
        for text in ["1", "ok", "Anna", "help", "hallo", "hey", "is", "", "🙂"] {
            #expect(LanguageGuess.language(of: text) == nil, "\(text)")
        }
    }

    @Test("a message mixing the two goes to the language with more of its own words")
    func mixed() {
        #expect(LanguageGuess.language(of: "hoi, I am really tired") == .en)
        #expect(LanguageGuess.language(of: "hi, ik ben echt moe") == .nl)
    }
}
