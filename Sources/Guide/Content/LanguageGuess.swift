/// Tells Dutch from English in what a person writes, so that a conversation a bridge starts
/// without naming a language is held in the language the person wrote in, not in a default.
///
/// It counts the words that belong to one language only (function words, greetings and the
/// everyday words of a check-in) and decides only when one language has more of them: "hoi",
/// "ik wil niet meer leven" and "I want to die" tell; "1", "ok", "Anna" and "help" do not.
///
///     LanguageGuess.language(of: "hello, long shift")  // .en
public enum LanguageGuess {
    /// The language `text` is written in, or nil when its words do not tell.
    public static func language(of text: String) -> Language? {
        var dutch = 0
        var english = 0
        for word in words(of: text) {
            if dutchWords.contains(word) { dutch += 1 }
            if englishWords.contains(word) { english += 1 }
        }
        if dutch > english { return .nl }
        if english > dutch { return .en }
        return nil
    }

    /// Lower-case words of letters and apostrophes ("I’m" is "i'm").
    private static func words(of text: String) -> [Substring] {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0 == "'") }
    }

    /// Words that are Dutch and not English (so not "is", "in", "we", "hallo" or "help").
    private static let dutchWords: Set<Substring> = [
        "ik", "je", "jij", "jou", "jouw", "u", "mij", "mijn", "het", "de", "een", "niet", "geen", "en", "van", "dat",
        "die", "wat", "hoe", "waar", "wie", "ben", "bent", "heb", "hebt", "heeft", "met", "op", "voor", "er", "maar",
        "ook", "nog", "al", "bij", "naar", "kan", "kun", "wil", "wilt", "moet", "zijn", "weet", "goed", "slecht", "moe",
        "dood", "leven", "meer", "vandaag", "gisteren", "dienst", "collega", "hoi", "dag", "goedemorgen",
        "goedemiddag", "goedenavond", "ja", "nee", "graag", "dank", "bedankt", "alsjeblieft", "hulp", "zo", "te", "om",
        "uit", "over", "dit", "deze", "veel", "heel", "erg", "echt", "gewoon", "voel", "taal", "nederlands", "vergeet",
        "opnieuw", "terug",
    ]

    /// Words that are English and not Dutch (so not "was", "die", "me" or "hey").
    private static let englishWords: Set<Substring> = [
        "i", "i'm", "im", "i've", "you", "your", "the", "a", "an", "not", "no", "and", "of", "that", "what", "how",
        "where", "who", "am", "are", "have", "has", "my", "with", "on", "for", "there", "but", "also", "still", "to",
        "want", "need", "can't", "cant", "don't", "dont", "it", "this", "know", "good", "bad", "tired", "dead", "life",
        "live", "more", "today", "yesterday", "shift", "colleague", "hi", "hello", "morning", "evening", "yes",
        "please", "thanks", "thank", "so", "too", "about", "very", "really", "just", "feel", "feeling", "myself",
        "anymore", "language", "english", "forget", "restart", "back",
    ]
}
