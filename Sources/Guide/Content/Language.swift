/// A language gids may speak, by its ISO 639 code (`nl`, `en`, `fy`).
///
/// gids's dialogues are written in its source languages, each in a folder of its own
/// (`Dialogues/nl`, `Dialogues/en`). Any other language is a translation of one of them: a
/// strings table beside that dialogue, offered only when the content has all it needs to
/// speak it (see ``GuideContent/languages``).
public struct Language: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The code: two or three lowercase ASCII letters.
    public let rawValue: String

    /// A language by its code; nil for anything that is not two or three lowercase letters.
    public init?(rawValue: String) {
        guard (2...3).contains(rawValue.count), rawValue.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return nil
        }
        self.rawValue = rawValue
    }

    private init(code: StaticString) {
        rawValue = code.description
    }

    /// Dutch.
    public static let nl = Language(code: "nl")
    /// English.
    public static let en = Language(code: "en")
    /// The languages gids's own dialogues are written in, each in its own folder.
    public static let sources: [Language] = [.nl, .en]

    /// The language from a locale setting such as `LC_ALL` or `LANG` (`en_GB.UTF-8` is
    /// English, `nl_BE` Dutch, `fy_NL` Frisian); nil when the locale names no language.
    public init?(locale: String) {
        let code = locale.split(separator: ".").first?.split(separator: "_").first.map { $0.lowercased() } ?? ""
        self.init(rawValue: code)
    }

    public var description: String { rawValue }

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Written as its code, as the enum it replaced was, so stored forms read the same.
    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let language = Language(rawValue: code) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(code)' is not a language code"))
        }
        self = language
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
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
