import Foundation

/// A recorded conversation: settings, the guide's lines and the person's inputs, in a
/// plain, diffable format.
///
///     # gids transcript
///     # lang: nl
///     # region: nl
///     # org: Examples/org/voorbeeld-ziekenhuis.yaml
///     # seed: 1
///     # now: 2026-03-12
///     Hoi. Ik ben gids ...
///       1. Een korte check-in: drie vragen over je dag
///     > 1
///     ^D
///     # session: 2026-03-27
///     ...
///
/// Lines starting with `> ` are what the person typed, `^D` is the end of their input
/// (Ctrl-D), `^C` the conversation stopped at once (Ctrl-C), lines starting with `#` are the header (`# door: practice` for `gids practice`), `# session: DATE` starts gids again
/// on a later day (what the person allowed it to remember carries over), `| ` lines are
/// a file gids wrote; every other line is the guide's.
public struct Transcript: Hashable, Sendable {
    /// One recorded line.
    public enum Entry: Hashable, Sendable {
        case guide(String)
        case input(String)
        case endOfInput
        /// The conversation was stopped at once (Ctrl-C): nothing more was said.
        case interrupted
        /// gids starts again on this day.
        case session(DayDate)
    }

    public var language: Language
    public var region: Region?
    /// The organisation file, relative to the transcript's folder or absolute.
    public var organisationFile: String?
    public var seed: UInt64
    /// The day of the first session; nil: the day it is replayed (only for transcripts that
    /// do not depend on the date).
    public var today: DayDate?
    /// The follow-up schedule, when not the default.
    public var schedule: FollowUpSchedule?
    /// The door the transcript went through: the guide (`gids chat`) or practice.
    public var door: Door
    public var entries: [Entry]

    /// Which command recorded a transcript (`# door: practice`; the chat when absent).
    public enum Door: String, Sendable {
        case chat, practice
    }

    public init(
        language: Language, region: Region?, organisationFile: String? = nil, seed: UInt64, today: DayDate? = nil,
        schedule: FollowUpSchedule? = nil, door: Door = .chat, entries: [Entry] = []
    ) {
        self.door = door
        self.language = language
        self.region = region
        self.organisationFile = organisationFile
        self.seed = seed
        self.today = today
        self.schedule = schedule
        self.entries = entries
    }

    /// A header line or entry that cannot be read.
    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    /// Reads a transcript.
    public init(text: String, file: String) throws(FormatError) {
        var language: Language?
        var region: Region?
        var organisationFile: String?
        var seed: UInt64 = 1
        var today: DayDate?
        var schedule: FollowUpSchedule?
        var door = Door.chat
        var entries: [Entry] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if offset == lines.count - 1, line.isEmpty { break }
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard let colon = body.firstIndex(of: ":") else { continue }
                let key = body[..<colon].trimmingCharacters(in: .whitespaces)
                let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                func parsed<T: RawRepresentable<String>>(_: T.Type, _ what: String, hint: String = "")
                    throws(FormatError) -> T
                {
                    guard let parsed = T(rawValue: value) else {
                        throw FormatError(file: file, line: offset + 1, message: "unknown \(what) '\(value)'\(hint)")
                    }
                    return parsed
                }
                switch key {
                case "lang":
                    language = try parsed(Language.self, "language")
                case "region":
                    region = try parsed(Region.self, "region")
                case "org": organisationFile = value
                case "seed":
                    guard let parsed = UInt64(value) else {
                        throw FormatError(file: file, line: offset + 1, message: "the seed must be a whole number")
                    }
                    seed = parsed
                case "now", "session":
                    guard let date = DayDate(iso: value) else {
                        throw FormatError(file: file, line: offset + 1, message: "dates are written YYYY-MM-DD")
                    }
                    if key == "now" { today = date } else { entries.append(.session(date)) }
                case "schedule":
                    schedule = try parsed(FollowUpSchedule.self, "schedule")
                case "door":
                    door = try parsed(Door.self, "door", hint: "; expected chat or practice")
                default: break
                }
            } else if line.hasPrefix("> ") || line == ">" {
                entries.append(.input(String(line.dropFirst(2))))
            } else if line == "^D" {
                entries.append(.endOfInput)
            } else if line == "^C" {
                entries.append(.interrupted)
            } else {
                entries.append(.guide(String(line)))
            }
        }
        guard let language else {
            throw FormatError(file: file, line: 1, message: "the header needs '# lang: nl' or '# lang: en'")
        }
        self.init(
            language: language, region: region, organisationFile: organisationFile, seed: seed, today: today,
            schedule: schedule, door: door, entries: entries)
    }

    /// The transcript as text.
    public var text: String {
        var lines = ["# gids transcript", "# lang: \(language.rawValue)"]
        if let region { lines.append("# region: \(region.rawValue)") }
        if let organisationFile { lines.append("# org: \(organisationFile)") }
        lines.append("# seed: \(seed)")
        if let today { lines.append("# now: \(today)") }
        if let schedule { lines.append("# schedule: \(schedule.rawValue)") }
        if door != .chat { lines.append("# door: \(door.rawValue)") }
        for entry in entries {
            switch entry {
            case .guide(let text): lines.append(text)
            case .input(let text): lines.append(text.isEmpty ? ">" : "> " + text)
            case .endOfInput: lines.append("^D")
            case .interrupted: lines.append("^C")
            case .session(let date): lines.append("# session: \(date)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The person's side: what they typed, Ctrl-D, Ctrl-C, and new sessions.
    public var inputs: [Entry] {
        entries.filter { if case .guide = $0 { false } else { true } }
    }
}
