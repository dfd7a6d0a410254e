import DialogueRuntime
import Foundation

/// Everything about one person's conversation that must survive between turns: a
/// `Codable` value, so a door can keep it in memory or in a store.
public struct ConversationState: Hashable, Sendable, Codable {
    /// What the guide is waiting for, and how to show it again.
    struct Prompt: Hashable, Sendable, Codable {
        /// The question as last shown (the turn's last message), to show again after "help",
        /// "back" or a crisis answer.
        var question: MarkedUpText?
        /// The options as shown.
        var options: [MarkedUpText] = []
        var expects: Reply.Expectation = .none
        /// For each shown option, its index in the dialogue's option set.
        var optionIndices: [Int] = []
        /// For each shown option, its hashtags (without `line:` ids).
        var optionTags: [[String]] = []
        /// The shown option that takes any other answer as free text, and the variable it goes in.
        var freeText: FreeText?
        /// For a text prompt: the variable the answer goes in.
        var textVariable: String?

        struct FreeText: Hashable, Sendable, Codable {
            var option: Int
            var variable: String
        }

        static let finished = Prompt()

        /// The question and its options as a reply.
        var reply: Reply {
            Reply(messages: question.map { [$0] } ?? [], options: options, expects: expects)
        }

        /// Keeps what is needed to ask again. Speaker (`character`) spans are left out: no
        /// door shows them, and they would make every stored session larger.
        mutating func remember(_ reply: Reply) {
            question = reply.messages.last.map(Self.withoutSpeaker)
            options = reply.options.map(Self.withoutSpeaker)
            expects = reply.expects
        }

        private static func withoutSpeaker(_ text: MarkedUpText) -> MarkedUpText {
            MarkedUpText(text: text.text, attributes: text.attributes.filter { $0.name != "character" })
        }
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
    /// Where the dialogue stands, its variables and its randomness.
    public internal(set) var dialogue: DialogueState {
        didSet { moment = ReadMoment() }
    }
    var prompt: Prompt = .finished {
        didSet { moment = ReadMoment() }
    }
    /// The current moment (dialogue and prompt) in its binary form as read, until either
    /// changes: into the history, or stored again, it need not be encoded anew.
    var moment = ReadMoment()
    var history = SnapshotHistory()
    /// Where the conversation was when the crisis answer interrupted it.
    var interrupted: Snapshot?

    init(settings: ConversationSettings, dialogue: DialogueState) {
        self.settings = settings
        self.dialogue = dialogue
    }

    /// Whether the conversation has ended.
    public var isFinished: Bool { prompt.expects == .none }

    /// The current moment, to go back to.
    var currentMoment: Snapshot { Snapshot(dialogue: dialogue, prompt: prompt) }

    /// The current moment's bytes as read (see ``ConversationState/moment``): a cache, never
    /// part of the state's value, so it takes no part in equality.
    struct ReadMoment: Hashable, Sendable {
        var bytes: [UInt8]?

        static func == (left: ReadMoment, right: ReadMoment) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}

extension ConversationState.Snapshot {
    private enum CodingKeys: String, CodingKey { case dialogue, prompt }

    /// The dialogue state in its compact binary form: several times cheaper than JSON.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dialogue = try DialogueState(binary: [UInt8](try container.decode(Data.self, forKey: .dialogue)))
        prompt = try container.decode(ConversationState.Prompt.self, forKey: .prompt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Data(dialogue.binaryEncoded()), forKey: .dialogue)
        try container.encode(prompt, forKey: .prompt)
    }
}

extension ConversationState {
    private enum CodingKeys: String, CodingKey { case settings, dialogue, prompt, history, interrupted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        settings = try container.decode(ConversationSettings.self, forKey: .settings)
        dialogue = try DialogueState(binary: [UInt8](try container.decode(Data.self, forKey: .dialogue)))
        prompt = try container.decode(Prompt.self, forKey: .prompt)
        history = try container.decodeIfPresent(SnapshotHistory.self, forKey: .history) ?? SnapshotHistory()
        interrupted = try container.decodeIfPresent(Snapshot.self, forKey: .interrupted)
    }

    /// Encodes the dialogue state in its compact binary form, and leaves out what is empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(settings, forKey: .settings)
        try container.encode(Data(dialogue.binaryEncoded()), forKey: .dialogue)
        try container.encode(prompt, forKey: .prompt)
        if !history.isEmpty { try container.encode(history, forKey: .history) }
        try container.encodeIfPresent(interrupted, forKey: .interrupted)
    }
}
