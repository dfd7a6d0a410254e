import DialogueRuntime

/// The person's own words said back to them: "mijn teamleider" becomes "je teamleider",
/// "my GP" becomes "your GP", so an echo fits the sentence it is put in (BRIEF §6: the
/// person's own words returned to them). Only words that point at the speaker change.
public enum AddressedText {
    /// `text` with its first-person words turned to the second person, in both languages.
    public static func addressed(_ text: String) -> String {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let key = word.lowercased()
            guard let replacement = replacements[key] else {
                words.append(word)
                continue
            }
            words.append(
                word.first?.isUppercase == true && words.isEmpty
                    ? replacement.prefix(1).uppercased() + replacement.dropFirst() : replacement)
        }
        return words.joined(separator: " ")
    }

    private static let replacements: [String: String] = [
        "mijn": "je", "m'n": "je", "mn": "je", "mezelf": "jezelf", "mijzelf": "jezelf",
        "my": "your", "myself": "yourself", "mine": "yours",
    ]
}
