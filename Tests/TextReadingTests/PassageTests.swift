import Testing
import TextReading

@Suite struct PassageTests {
    @Test("a message splits into sentences at full stops, question marks and line breaks, and into clauses at commas")
    func sentencesAndClauses() {
        let passage = Passage("Lange dienst, veel gedoe. Gaat het?\nja")
        #expect(passage.words == ["lange", "dienst", "veel", "gedoe", "gaat", "het", "ja"])
        #expect(passage.sentenceRanges == [0..<4, 4..<6, 6..<7])
        #expect(passage.sentenceAsks == [false, true, false])
        #expect(passage.clauseRanges == [0..<2, 2..<4, 4..<6, 6..<7])
    }

    @Test(
        "double and single quotation marks mark someone's words as a clause of their own, but a Flemish 'k or 't does not"
    )
    func quotations() {
        let double = Passage("hij zei \"ik wil dood\" en liep weg")
        #expect(double.isQuoted == [false, false, true, true, true, false, false, false])
        #expect(double.clauseRanges == [0..<2, 2..<5, 5..<8])
        let single = Passage("meneer zei 'ik wil niet meer', toen sliep hij")
        #expect(single.isQuoted == [false, false, true, true, true, true, false, false, false])
        let clitics = Passage("'k zie 't nie meer zitten")
        #expect(clitics.words == ["k", "zie", "t", "nie", "meer", "zitten"])
        #expect(!clitics.isQuoted.contains(true))
    }

    @Test("a title's full stop does not end the sentence: 'Mw. zegt: ...' is one")
    func titles() {
        let passage = Passage("Mw. zegt: ik wil dood. Dhr. slaapt")
        #expect(passage.words == ["mw", "zegt", "ik", "wil", "dood", "dhr", "slaapt"])
        #expect(passage.sentenceRanges == [0..<2, 2..<5, 5..<7])
        #expect(passage.passageRanges[1] == 0..<5, "the colon joins the title's sentence to the quoted one")
    }

    @Test("English contractions stay one word, other apostrophes split")
    func apostrophes() {
        #expect(Passage("I don't know, I'm tired").words == ["i", "dont", "know", "im", "tired"])
        #expect(Passage("da'k het nie weet").words == ["da", "k", "het", "nie", "weet"])
    }
}
