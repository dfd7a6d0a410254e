import ArgumentParser
import Foundation
import Guide
import SessionStore

/// The options of the doors that hold conversations (`chat`, `serve`, `reply`): language,
/// region, organisation, content and data folders, the follow-up schedule, and the date.
/// Commands that need fewer take the groups they need.
struct GuideSettings: ParsableArguments {
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var regionOption: RegionOption
    @OptionGroup var organisation: OrganisationOption
    @OptionGroup var dialoguesOption: DialoguesOption
    @OptionGroup var dataFolderOption: DataFolderOption
    @OptionGroup var scheduleOption: ScheduleOption
    @OptionGroup var date: DateOption

    /// The organisation file (`--org`).
    var org: String? {
        get { organisation.file }
        set { organisation.file = newValue }
    }

    var messageLanguage: Language { languageOption.messageLanguage }
    func language(in content: GuideContent) throws -> Language { try languageOption.language(in: content) }
    var region: Region? { regionOption.region }
    var schedule: FollowUpSchedule? { scheduleOption.schedule }
    var fixedDay: DayDate? { date.fixedDay }
    var today: DayDate { date.today }
    var dataFolder: String { dataFolderOption.folder }
    var databasePath: String { dataFolderOption.databasePath }

    /// The content, checked (see ``ContentLoader/load(from:organisationFile:messageLanguage:learnedReader:)``).
    func loadContent() throws -> GuideContent {
        try ContentLoader.load(from: try dialoguesFolder(), organisationFile: org, messageLanguage: messageLanguage)
    }

    /// The content read again, for `gids serve` on SIGHUP: any error, in the organisation file
    /// too, refuses it (the content already running stays).
    func reloadContent() throws -> GuideContent {
        try GuideContent.load(from: try dialoguesFolder(), organisationFile: org)
    }

    /// The folder the content is read from.
    func dialoguesFolder() throws -> String { try dialoguesOption.folder() }

    /// A conversation on `content` with these settings.
    func conversation(
        content: GuideContent, seed: UInt64 = 1, followUp: FollowUp? = nil, memoryLocation: String?
    ) throws -> Conversation {
        Conversation(
            content: content,
            settings: ConversationSettings(
                language: try language(in: content), region: region, seed: seed, today: today,
                schedule: scheduleOption.followUpSchedule(for: content), followUp: followUp,
                memoryLocation: memoryLocation))
    }

    /// The transcript `--record` writes, before its first line.
    func transcriptHeader(language: Language, seed: UInt64, door: Transcript.Door) -> Transcript {
        Transcript(
            language: language, region: region, organisationFile: org, seed: seed, today: today, schedule: schedule,
            door: door)
    }
}
