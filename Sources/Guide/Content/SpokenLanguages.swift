import DialogueRuntime
import Foundation
import YarnScript

/// The languages a content folder lets gids speak: its source languages, and each translation
/// whose dialogue lines (a strings table), help-directory texts and safety lexicon all exist.
/// A guide that cannot recognise a crisis in a language, or show where help is in it, must not
/// speak it; a translation that lacks either is found, reported and not offered.
public struct SpokenLanguages: Sendable {
    /// The translations offered, by language.
    let translations: [Language: Translation]
    /// The translations found but not offered, with why.
    let refusals: [Language: String]

    /// Every language gids may speak: the source languages first, then the translations.
    public var all: [Language] { Language.sources + translations.keys.sorted() }

    /// Whether gids may speak `language`.
    public func offers(_ language: Language) -> Bool {
        Language.sources.contains(language) || translations[language] != nil
    }

    /// The source language whose dialogue a language is spoken with: itself for a source
    /// language, the language it translates for a translation. What gids says outside its
    /// dialogue and help directory (dates, the names of signals) is in this language.
    public func source(of language: Language) -> Language {
        translations[language]?.source ?? language
    }

    /// Why gids does not speak `language`, for whoever asked for it.
    public func refusal(of language: Language) -> String {
        let spoken = all.map(\.rawValue).joined(separator: ", ")
        guard let reason = refusals[language] else {
            return "gids does not speak '\(language)' with this content; it speaks \(spoken)"
        }
        return "gids does not speak '\(language)' with this content: \(reason); it speaks \(spoken)"
    }

    /// The languages of the strings tables in a content folder, read before anything else so
    /// their safety lexicons are read with the others.
    static func translationLanguages(in folder: ContentFolder) -> [Language] {
        Language.sources.flatMap { folder.translationFiles(of: $0).map(\.language) }.filter {
            !Language.sources.contains($0)
        }
    }

    /// Reads the translations of a content folder, checks each against the dialogue it
    /// translates, and offers those with a safety lexicon and every help-directory text.
    static func check(
        _ folder: ContentFolder, programs: [Language: Program], directories: [Region: HelpDirectory],
        diagnostics: inout [Diagnostic]
    ) -> SpokenLanguages {
        var found: [Language: Translation] = [:]
        var files: [Language: String] = [:]
        for source in Language.sources {
            for (language, file) in folder.translationFiles(of: source) {
                let start = SourceLocation(file: file, line: 1, column: 1)
                if Language.sources.contains(language) {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: start,
                            "\(language) has a dialogue of its own (\(language)/); a strings table here translates the \(source) dialogue into a language gids has no dialogue in"
                        ))
                    continue
                }
                if let other = files[language] {
                    diagnostics.append(
                        Diagnostic(.error, at: start, "\(language) is translated twice, here and in \(other); keep one")
                    )
                    continue
                }
                files[language] = file
                guard let program = programs[source] else { continue }
                let (translation, problems) = Translation.load(
                    file: file, language: language, source: source, program: program)
                diagnostics += problems
                found[language] = translation
            }
        }
        var offered: [Language: Translation] = [:]
        var refusals: [Language: String] = [:]
        for (language, translation) in found.sorted(by: { $0.key < $1.key }) {
            let lexicon = "safety/\(language).yaml"
            let missingText = directories.sorted { $0.key.rawValue < $1.key.rawValue }.lazy.compactMap {
                region, directory in
                directory.firstMissingText(in: language).map {
                    "the help directory of \(region.rawValue) has no \(language) text for \($0)"
                }
            }.first
            let reason =
                !FileManager.default.fileExists(atPath: folder.path("safety", "\(language).yaml"))
                ? "there is no safety lexicon for \(language) (\(lexicon)), and a guide that cannot recognise a crisis in a language must not speak it"
                : missingText
            guard let reason else {
                offered[language] = translation
                continue
            }
            refusals[language] = reason
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: translation.file, line: 1, column: 1),
                    "\(language) is not offered to people: \(reason)"))
        }
        return SpokenLanguages(translations: offered, refusals: refusals)
    }
}
