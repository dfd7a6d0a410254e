import ArgumentParser
import Foundation
import Guide

/// The options every guide command shares: language, region, organisation, content folder.
struct GuideSettings: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language: nl or en (default: from LC_ALL or LANG, else nl).")
    var languageCode: String?

    @Option(name: .customLong("region"), help: "The region: nl (the Netherlands) or be (Flanders) (default: from LC_ALL or LANG, else asked).")
    var regionCode: String?

    @Option(help: ArgumentHelp("An organisation's contacts (YAML), added to the help map.", valueName: "file"))
    var org: String?

    @Option(help: ArgumentHelp("The folder with the dialogue files (default: Dialogues/).", valueName: "folder"))
    var dialogues: String?

    private var locale: String { LocaleSettings.locale(in: ProcessInfo.processInfo.environment) }

    var language: Language {
        languageCode.flatMap(Language.init(rawValue:)) ?? Language(locale: locale) ?? .nl
    }

    var region: Region? {
        regionCode.flatMap(Region.init(rawValue:)) ?? Region(locale: locale)
    }

    func validate() throws {
        if let languageCode, Language(rawValue: languageCode) == nil { throw ValidationError("--lang must be nl or en, not '\(languageCode)'") }
        if let regionCode, Region(rawValue: regionCode) == nil { throw ValidationError("--region must be nl or be, not '\(regionCode)'") }
    }

    /// The content, checked; on errors prints them (file:line:col) and a plain sentence, and exits 1.
    func loadContent() throws -> GuideContent {
        do {
            return try GuideContent.load(from: try dialogues ?? DialogueLocation.defaultDirectory(), organisationFile: org)
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError(language == .en
                ? "gids cannot start: the files above have errors. Ask whoever set up gids to fix them."
                : "gids kan niet starten: de bestanden hierboven bevatten fouten. Vraag wie gids heeft ingericht om ze te herstellen.")
            throw ExitCode(1)
        }
    }
}
