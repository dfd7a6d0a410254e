import DialogueRuntime
import Foundation
import TextReading

/// One person's conversation with the guide: the dialogue, plus what holds in every
/// state: the safety net first, then the commands (stop, back, restart, help, crisis),
/// then the answer to what was asked.
///
/// Every door drives this same type, so a behaviour fixed here is fixed everywhere.
public struct Conversation: Sendable {
    public let content: GuideContent
    public internal(set) var state: ConversationState
    let machine: VirtualMachine
    let resolver: LineResolver
    /// The turn waiting for its door to carry out ``Reply/awaitedEffect``.
    var paused: PausedTurn?

    /// The node said on "stop" and Ctrl-D: practice ends with its own words.
    public var goodbyeNode = HostNode.goodbye

    /// The most messages, and text bytes, one reply may carry, and the most times the dialogue
    /// may be resumed after host commands in one turn: a dialogue that loops is stopped, the
    /// person gets the failure answer (with the crisis lines), and the operator a problem.
    public static let maximumMessages = 200
    public static let maximumReplyBytes = 64 * 1024
    static let maximumResumes = 1_000
    /// How long the dialogue may run in one turn: each step of it is bounded by the virtual
    /// machine's limits, and this bounds them all together.
    public static let maximumTurnDuration: Duration = .seconds(1)

    /// The longest free-text answer kept; the rest is dropped.
    public static let maximumAnswerLength = 500

    /// A typed answer as it is kept and echoed: at most `maximumAnswerLength` characters, and
    /// without the full stops or ellipsis it ended with, since the dialogue's own sentence ends
    /// it ("Bijgebleven: {$gebeurtenis}." showed "security kwam..").
    static func kept(_ answer: String) -> String {
        let shortened = answer.prefix(maximumAnswerLength)
        guard let last = shortened.lastIndex(where: { !".…".contains($0) && !$0.isWhitespace }) else {
            return String(shortened)
        }
        return String(shortened[...last])
    }

    /// A new conversation. A nil region is asked by the dialogue.
    public init(content: GuideContent, settings: ConversationSettings) {
        let dialogue = DialogueState(seed: settings.seed, saliency: .randomBestLeastRecentlySeen)
        self.init(content: content, state: ConversationState(settings: settings, dialogue: dialogue))
        setHostVariables()
    }

    /// A new conversation today, remembering nothing.
    public init(content: GuideContent, language: Language, region: Region?, seed: UInt64, today: DayDate = .today()) {
        self.init(
            content: content,
            settings: ConversationSettings(language: language, region: region, seed: seed, today: today))
    }

    /// A conversation continued from a saved state.
    public init(content: GuideContent, state: ConversationState) {
        self.content = content
        self.state = state
        resolver =
            content.resolvers[state.language] ?? LineResolver(program: Program(), locale: state.language.rawValue)
        var machine = VirtualMachine(program: resolver.program, library: content.functions)
        machine.waitingCommands = HostCommand.names
        self.machine = machine
    }

    /// Starts the conversation at one of the nodes gids starts itself, up to the first question.
    public mutating func start(at node: HostNode) -> Reply {
        start(atNode: node.rawValue)
    }

    /// Starts the conversation at any node of the dialogue, up to the first question.
    public mutating func start(atNode node: String) -> Reply {
        let unsettled = settleUnfinishedEffect()
        state.history.removeAll()
        state.interrupted = nil
        return telling(unsettled, run(.start(node: node)))
    }

    /// Answers what the person typed: the router decides first (crisis, check, someone
    /// else, command), then it is an answer to what was asked.
    public mutating func respond(to input: String) -> Reply {
        let sanitized = TextNormalizer.sanitized(input)
        return respond(toSanitized: sanitized, as: route(sanitized))
    }

    /// Answers what the person typed, sanitised (``TextNormalizer/sanitized(_:)``) and read by
    /// the router already: `intent` is ``route(_:)`` of `sanitized`, worked out by a door that
    /// needed it first (to let a crisis through whatever else the text holds), so the text is
    /// sanitised and read once.
    public mutating func respond(toSanitized sanitized: String, as intent: IntentRouter.Intent) -> Reply {
        let unsettled = settleUnfinishedEffect()
        return telling(unsettled, answer(sanitized, as: intent))
    }

    /// What the router's reading of a (sanitised) message does.
    private mutating func answer(_ answer: String, as intent: IntentRouter.Intent) -> Reply {
        switch intent {
        case .crisis, .command(.crisis): return interrupt(with: .crisis)
        case .someoneElseInDanger: return interrupt(with: .someoneElseInDanger)
        case .check(let assessment):
            askedCategories.insert(assessment.category ?? "")
            return interrupt(with: .safetyCheck)
        case .aboutSomeoneElse where !hearsDeathAsAnswer:
            // An answer in the person's own words is kept as the answer it is; the offer comes
            // before what follows it.
            if !state.isFinished, state.prompt.textVariable != nil || state.prompt.freeText != nil {
                let kept = answering(answer)
                // Keeping it reached something the door must carry out first: that turn goes on.
                if kept.awaitedEffect != nil { return kept }
            }
            return interrupt(with: .aboutSomeoneElse)
        case .aboutSomeoneElse:
            // Told while talking about the event, or in the check-in: heard, and taken as the
            // answer it is. The check-in's questions run on; it offers the event path at its end.
            set(.deathHeard, .bool(true))
            let heard = say(.aboutSomeoneElseHeard)
            var reply = answering(answer)
            reply.messages = heard + reply.messages
            return reply
        case .command(.stop): return goodbye()
        case .command(.restart): return restart()
        case .command(.back): return back()
        case .command(.help): return reshowingPrompt(after: say(.help))
        case .command(.forget): return forgettingEverything()
        case .answer: return answering(answer)
        }
    }

    /// What the router makes of a (sanitised) message in this conversation.
    public func route(_ answer: String) -> IntentRouter.Intent {
        content.router.intent(
            of: answer,
            in: IntentRouter.Context(
                askedCategories: askedCategories, listenerIsRolePlayed: listenerIsRolePlayed,
                options: state.prompt.options.map(\.text)))
    }

    /// In practice the one the person addresses is played by gids: a question to them about
    /// suicide is practice, not the person's crisis. Never stored: practice is not kept.
    public var listenerIsRolePlayed = false

    /// The hashtags of each shown option (`line:` ids left out), for a door that gives
    /// options a meaning of its own, such as the trainee's moves in practice.
    public var optionTags: [[String]] { state.prompt.optionTags }

    /// Chooses a shown option by its position (from 0), as if the person had typed it. For
    /// the option that takes free text, `text` is what goes into its variable.
    public mutating func choose(option shown: Int, text: String = "") -> Reply {
        let unsettled = settleUnfinishedEffect()
        return telling(unsettled, choosing(option: shown, text: text))
    }

    private mutating func choosing(option shown: Int, text: String) -> Reply {
        let prompt = state.prompt
        guard prompt.optionIndices.indices.contains(shown) else { return reshowingPrompt(after: say(.reprompt)) }
        remember()
        if let freeText = prompt.freeText, freeText.option == shown, machine.standsInCurrentContent(state.dialogue) {
            state.dialogue.variables[freeText.variable] = .string(Self.kept(TextNormalizer.sanitized(text)))
        }
        return run(.select(prompt.optionIndices[shown]))
    }

    /// The person closed their input (Ctrl-D): a polite goodbye with the summary so far.
    public mutating func endOfInput() -> Reply {
        let unsettled = settleUnfinishedEffect()
        return telling(unsettled, goodbye())
    }
}
