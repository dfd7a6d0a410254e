import ArgumentParser
import Foundation
import Guide
import SessionStore

/// The options every guide command shares: language, region, organisation, content and
/// data folders, the follow-up schedule, and the date.
struct GuideSettings: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help:
            "The language: nl, en, or a translation the content offers (default: from LC_ALL or LANG when offered, else nl).",
        completion: .list(Language.sources.map(\.rawValue)))
    var languageCode: String?

    @Option(
        name: .customLong("region"),
        help: "The region: nl (the Netherlands) or be (Flanders) (default: from LC_ALL or LANG, else asked).",
        completion: .list(Region.allCases.map(\.rawValue)))
    var regionCode: String?

    @Option(
        help: ArgumentHelp("An organisation's contacts (YAML), added to the help map.", valueName: "file"),
        completion: .file())
    var org: String?

    @Option(
        help: ArgumentHelp(
            "The folder with the dialogue files (default: $GIDS_DIALOGUES, else the installed PREFIX/share/gids/Dialogues).",
            valueName: "folder"),
        completion: .directory)
    var dialogues: String?

    @Option(
        help: ArgumentHelp(
            "Where gids keeps what you allow it to remember (default: $XDG_DATA_HOME/gids or ~/.local/share/gids).",
            valueName: "folder"), completion: .directory)
    var dataDir: String?

    @Option(
        help:
            "The follow-up schedule after a critical event: olvg (default), rpog or trim; the organisation file may choose one."
    )
    var schedule: FollowUpSchedule?

    @Option(help: ArgumentHelp("Today's date, YYYY-MM-DD (default: $GIDS_NOW, else the real date).", valueName: "date"))
    var now: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }
    private var locale: String { LocaleSettings.locale(in: environment) }

    /// The language asked for (by `--lang` or the locale), for messages before the content is
    /// read: English when that is English, else Dutch.
    var messageLanguage: Language {
        (languageCode.flatMap(Language.init(rawValue:)) ?? Language(locale: locale)) == .en ? .en : .nl
    }

    /// The language of the conversation: `--lang`, which the content must offer; else the
    /// locale's when the content offers it; else Dutch.
    func language(in content: GuideContent) throws -> Language {
        if let languageCode {
            guard let language = Language(rawValue: languageCode), content.languages.offers(language) else {
                throw ValidationError(content.languages.refusal(of: Language(rawValue: languageCode) ?? .nl))
            }
            return language
        }
        return Language(locale: locale).flatMap { content.languages.offers($0) ? $0 : nil } ?? .nl
    }

    var region: Region? {
        regionCode.flatMap(Region.init(rawValue:)) ?? Region(locale: locale)
    }

    /// The date fixed by `--now` or `$GIDS_NOW`, if any.
    var fixedDay: DayDate? {
        (now ?? environment["GIDS_NOW"]).flatMap(DayDate.init(iso:))
    }

    /// The date, from `--now`, `$GIDS_NOW`, or the clock.
    var today: DayDate {
        fixedDay ?? .today()
    }

    /// The data folder.
    var dataFolder: String {
        if let dataDir { return dataDir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/gids" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/gids"
    }

    var databasePath: String { dataFolder + "/" + SQLiteFollowUpStore.fileName }

    func validate() throws {
        if let languageCode, Language(rawValue: languageCode) == nil {
            throw ValidationError("--lang must be a language code such as nl or en, not '\(languageCode)'")
        }
        if let regionCode, Region(rawValue: regionCode) == nil {
            throw ValidationError("--region must be nl or be, not '\(regionCode)'")
        }
        if let date = now ?? environment["GIDS_NOW"], DayDate(iso: date) == nil {
            throw ValidationError("the date must be written YYYY-MM-DD, like 2026-03-12, not '\(date)'")
        }
    }

    /// The content, checked; on errors prints them (file:line:col) and a plain sentence, and
    /// exits 1. An organisation file with errors never keeps gids from answering: it is left
    /// out, its errors are printed, and gids runs with the national directory and crisis lines.
    /// `learnedReader: false` leaves the safety net's model out (to train a new one).
    func loadContent(learnedReader: Bool = true) throws -> GuideContent {
        do {
            let (content, ignored) = try GuideContent.loadFallingBack(
                from: try dialoguesFolder(), organisationFile: org, learnedReader: learnedReader)
            if !ignored.isEmpty, let org {
                for diagnostic in ignored { printError(diagnostic.description) }
                printError(
                    messageLanguage == .en
                        ? "gids: the organisation file \(org) has the errors above, so gids leaves it out and shows the national help and crisis lines. Ask whoever set up gids to fix it."
                        : "gids: het organisatiebestand \(org) bevat de fouten hierboven; gids laat het weg en toont de landelijke hulp en crisislijnen. Vraag wie gids heeft ingericht om het te herstellen."
                )
            }
            return content
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError(
                messageLanguage == .en
                    ? "gids cannot start: the files above have errors. Ask whoever set up gids to fix them."
                    : "gids kan niet starten: de bestanden hierboven bevatten fouten. Vraag wie gids heeft ingericht om ze te herstellen."
            )
            throw ExitCode(1)
        }
    }

    /// The content read again, for `gids serve` on SIGHUP: any error, in the organisation file
    /// too, refuses it (the content already running stays).
    func reloadContent() throws -> GuideContent {
        try GuideContent.load(from: try dialoguesFolder(), organisationFile: org)
    }

    /// The folder the content is read from: `--dialogues`, else the default (see ``DialogueLocation``).
    func dialoguesFolder() throws -> String {
        try dialogues ?? DialogueLocation.defaultDirectory()
    }

    /// A conversation on `content` with these settings.
    func conversation(
        content: GuideContent, seed: UInt64 = 1, followUp: FollowUp? = nil, memoryLocation: String?
    ) throws -> Conversation {
        Conversation(
            content: content,
            settings: try conversationSettings(
                content: content, seed: seed, followUp: followUp, memoryLocation: memoryLocation))
    }

    /// The settings of a conversation on `content`: language, region, date and schedule from
    /// the command line, the rest as the door needs.
    func conversationSettings(
        content: GuideContent, seed: UInt64, followUp: FollowUp? = nil, memoryLocation: String?,
        canWriteFiles: Bool = true
    ) throws -> ConversationSettings {
        ConversationSettings(
            language: try language(in: content), region: region, seed: seed, today: today,
            schedule: followUpSchedule(for: content),
            followUp: followUp, memoryLocation: memoryLocation, canWriteFiles: canWriteFiles)
    }

    /// The follow-up schedule: `--schedule`, else the organisation's, else OLVG.
    func followUpSchedule(for content: GuideContent) -> FollowUpSchedule {
        schedule ?? content.organisation?.schedule ?? .olvg
    }
}

extension FollowUpSchedule: ExpressibleByArgument {}
