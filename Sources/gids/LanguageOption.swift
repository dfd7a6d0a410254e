import ArgumentParser
import Foundation
import Guide

/// `--lang`: the language gids speaks.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help:
            "The language: nl, en, or a translation the content offers (default: from LC_ALL or LANG when offered, else nl).",
        completion: .list(Language.sources.map(\.rawValue)))
    var code: String?

    private var locale: String { LocaleSettings.locale(in: ProcessInfo.processInfo.environment) }

    /// The language asked for (by `--lang` or the locale), for messages before the content is
    /// read: English when that is English, else Dutch.
    var messageLanguage: Language { Self.messageLanguage(code: code) }

    /// The language of messages for commands without `--lang`: the locale's when English, else Dutch.
    static var localeMessageLanguage: Language { messageLanguage(code: nil) }

    private static func messageLanguage(code: String?) -> Language {
        let locale = LocaleSettings.locale(in: ProcessInfo.processInfo.environment)
        return (code.flatMap(Language.init(rawValue:)) ?? Language(locale: locale)) == .en ? .en : .nl
    }

    /// The language of the conversation: `--lang`, which the content must offer; else the
    /// locale's when the content offers it; else Dutch.
    func language(in content: GuideContent) throws -> Language {
        if let code {
            guard let language = Language(rawValue: code), content.languages.offers(language) else {
                throw ValidationError(content.languages.refusal(of: Language(rawValue: code) ?? .nl))
            }
            return language
        }
        return Language(locale: locale).flatMap { content.languages.offers($0) ? $0 : nil } ?? .nl
    }

    func validate() throws {
        if let code, Language(rawValue: code) == nil {
            throw ValidationError("--lang must be a language code such as nl or en, not '\(code)'")
        }
    }
}
