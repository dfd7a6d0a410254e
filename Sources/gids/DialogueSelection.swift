import ArgumentParser
import Guide

/// The one dialogue a command that works on one (`gids graph`, `gids strings`) was given.
enum DialogueSelection {
    /// The project of `language` (a content folder's), or the only project given; a clear
    /// error when there is none or more than one.
    static func one(of projects: [DialogueProject], language: String?) throws -> DialogueProject {
        let languages = projects.compactMap(\.language?.rawValue)
        let chosen =
            language.map { code in projects.filter { $0.language == nil || $0.language?.rawValue == code } }
            ?? projects.filter { $0.language == nil || $0.language?.rawValue == languages.first }
        if let language, chosen.isEmpty {
            throw ValidationError(
                "there is no \(language) dialogue here; its dialogues are \(languages.joined(separator: " and ")) (a translation is made from the dialogue it translates: --lang \(languages.first ?? "nl"))"
            )
        }
        guard chosen.count == 1, let project = chosen.first else {
            throw ValidationError(
                chosen.isEmpty
                    ? "there are no dialogue files here; give a content folder or .yarn files"
                    : "these paths hold \(chosen.count) separate dialogues; give the files of one, or a content folder with --lang"
            )
        }
        return project
    }
}
