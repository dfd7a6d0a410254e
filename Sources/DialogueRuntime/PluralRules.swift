/// CLDR plural categories for the languages gids speaks, as used by `[plural]` and `[ordinal]`.
public enum PluralRules {
    /// The CLDR category name (`one`, `two`, `few`, `other`, ...) for a number written as `text`.
    /// - Parameters:
    ///   - text: the number as it appears in the line, so visible fraction digits count (`1.0` is not `one`).
    ///   - locale: a language tag such as `en`, `en-GB` or `nl_BE`; only the language part is used.
    ///   - ordinal: whether to use the ordinal rules (1st, 2nd) instead of the cardinal ones.
    public static func category(for text: String, locale: String, ordinal: Bool) -> String? {
        guard let number = Double(text) else { return nil }
        let language = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let integer = abs(number.rounded(.towardZero))
        let hasVisibleFraction = text.contains(".")
        if ordinal {
            guard language == "en", !hasVisibleFraction else { return "other" }
            let mod10 = integer.truncatingRemainder(dividingBy: 10)
            let mod100 = integer.truncatingRemainder(dividingBy: 100)
            if mod10 == 1, mod100 != 11 { return "one" }
            if mod10 == 2, mod100 != 12 { return "two" }
            if mod10 == 3, mod100 != 13 { return "few" }
            return "other"
        }
        // en and nl: "one" for exactly 1 with no visible fraction digits.
        return number == 1 && !hasVisibleFraction ? "one" : "other"
    }
}
