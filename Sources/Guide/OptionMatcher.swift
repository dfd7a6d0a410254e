/// Finds the option a person meant: its number, its text, or an unambiguous start of
/// it, ignoring case and accents.
public enum OptionMatcher {
    /// The 0-based position in `options` of the option meant by `answer`, or nil.
    public static func match(_ answer: String, in options: [String]) -> Int? {
        let folded = TextNormalizer.folded(answer)
        guard !folded.isEmpty else { return nil }
        if let number = Int(folded), options.indices.contains(number - 1) { return number - 1 }
        let texts = options.map(TextNormalizer.folded)
        if let exact = texts.firstIndex(of: folded) { return exact }
        let starts = texts.indices.filter { texts[$0].hasPrefix(folded) }
        return starts.count == 1 ? starts[0] : nil
    }
}
