import DialogueRuntime

/// Everything about one person's conversation that must survive between turns: a
/// `Codable` value, so a door can keep it in memory or in a store.
public struct ConversationState: Hashable, Sendable, Codable {
    /// What the guide is waiting for, and how to show it again.
    struct Prompt: Hashable, Sendable, Codable {
        /// The turn as last shown, to show again after "help", "back" or a crisis answer.
        var reply: Reply
        /// For each shown option, its index in the dialogue's option set.
        var optionIndices: [Int] = []
        /// The shown option that takes any other answer as free text, and the variable it goes in.
        var freeText: FreeText?
        /// For a text prompt: the variable the answer goes in.
        var textVariable: String?

        struct FreeText: Hashable, Sendable, Codable {
            var option: Int
            var variable: String
        }

        static let finished = Prompt(reply: Reply())
    }

    /// A moment to go back to.
    struct Snapshot: Hashable, Sendable, Codable {
        var dialogue: DialogueState
        var prompt: Prompt
    }

    /// How many steps "back" can go.
    static let historyLimit = 20

    public var language: Language { settings.language }
    public internal(set) var settings: ConversationSettings
    var dialogue: DialogueState
    var prompt: Prompt = .finished
    var history: [Snapshot] = []
    /// Where the conversation was when the crisis answer interrupted it.
    var interrupted: Snapshot?

    init(settings: ConversationSettings, dialogue: DialogueState) {
        self.settings = settings
        self.dialogue = dialogue
    }

    /// Whether the conversation has ended.
    public var isFinished: Bool { prompt.reply.isFinished }
}
