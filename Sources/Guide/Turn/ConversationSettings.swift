/// What a door tells a new conversation about the world outside it.
public struct ConversationSettings: Hashable, Sendable, Codable {
    public var language: Language
    /// Nil: the dialogue asks.
    public var region: Region?
    /// The seed of every random choice (varied phrasing).
    public var seed: UInt64
    /// The date the conversation takes place (injected, so "15 days after the event" is testable).
    public var today: DayDate
    /// The follow-up schedule for a new critical event.
    public var schedule: FollowUpSchedule
    /// What is remembered about this person from earlier conversations, if anything.
    public var followUp: FollowUp?
    /// Where remembered things are kept, as `gids memory` and `gids forget` show it in a
    /// terminal; nil when this door cannot remember anything. A bridge gives
    /// ``bridgeMemory``: the path of a server's store is no part of a conversation.
    public var memoryLocation: String?
    /// Whether this door can write a file the person names (a terminal can, a bridge cannot).
    public var canWriteFiles: Bool
    /// How many hours after the last message a bridge keeps this conversation (sealed, in its
    /// store) before deleting it; nil where nothing of a conversation outlives it (a terminal).
    /// The dialogue tells the person (`$bewaar_uren`).
    public var keptHours: Int?

    /// The ``memoryLocation`` of a bridge, whose follow-ups live in its session store.
    public static let bridgeMemory = "bridge"

    public init(
        language: Language, region: Region?, seed: UInt64, today: DayDate, schedule: FollowUpSchedule = .olvg,
        followUp: FollowUp? = nil, memoryLocation: String? = nil, canWriteFiles: Bool = true, keptHours: Int? = nil
    ) {
        self.language = language
        self.region = region
        self.seed = seed
        self.today = today
        self.schedule = schedule
        self.followUp = followUp
        self.memoryLocation = memoryLocation
        self.canWriteFiles = canWriteFiles
        self.keptHours = keptHours
    }
}
