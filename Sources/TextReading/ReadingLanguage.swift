/// A language whose word forms the language layer knows: its stemmer, its spelling
/// dictionaries, its chat forms and (for Dutch) its separable verbs.
public enum ReadingLanguage: String, CaseIterable, Sendable {
    case dutch = "nl"
    case english = "en"

    /// Snowball's name for the language's stemmer.
    var snowballName: String {
        switch self {
        case .dutch: "dutch"
        case .english: "english"
        }
    }

    /// Hunspell dictionaries to try, in order: Debian's `hunspell-nl` installs `nl`, and
    /// `hunspell-en-gb` and `hunspell-en-us` their own (British first: the guide writes British English).
    var dictionaryNames: [String] {
        switch self {
        case .dutch: ["nl", "nl_NL", "nl_BE"]
        case .english: ["en_GB", "en_US"]
        }
    }
}
