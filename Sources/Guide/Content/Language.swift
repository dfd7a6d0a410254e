/// The languages gids speaks. Each has its own dialogue folder (`Dialogues/nl`, `Dialogues/en`).
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl
    case en

    /// The language from a locale setting such as `LC_ALL` or `LANG` (`en_GB.UTF-8` is
    /// English, `nl_BE` Dutch); nil when the locale names neither.
    public init?(locale: String) {
        let code = locale.lowercased().prefix(2)
        guard let language = Language(rawValue: String(code)) else { return nil }
        self = language
    }
}

/// Where the person works: it decides the crisis lines and which services the help map shows.
public enum Region: String, CaseIterable, Codable, Sendable {
    /// The Netherlands.
    case nl
    /// Flanders (Belgium).
    case be

    /// The region from a locale setting (`nl_BE` is Flanders, `nl_NL` the Netherlands);
    /// nil when the locale does not say.
    public init?(locale: String) {
        let country = locale.split(separator: ".").first?.split(separator: "_").dropFirst().first?.uppercased()
        switch country {
        case "BE": self = .be
        case "NL": self = .nl
        default: return nil
        }
    }
}

/// Reads language and region from the environment the way POSIX programs do: `LC_ALL`
/// first, then `LANG`.
public enum LocaleSettings {
    public static func locale(in environment: [String: String]) -> String {
        [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }
}
