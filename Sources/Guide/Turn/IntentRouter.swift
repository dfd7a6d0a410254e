/// Decides what a message is before anything else looks at it: a crisis, a safety question
/// to ask, someone else's death or danger, a command, or an answer to what was asked.
///
/// The one caller of the safety net, for every door (chat, practice, serve, reply,
/// transcripts): a behaviour fixed here is fixed everywhere.
public struct IntentRouter: Sendable {
    /// What a message is.
    public enum Intent: Hashable, Sendable {
        /// Clear risk about the writer, or the `crisis` command: the crisis answer.
        case crisis(SafetyAssessment)
        /// Someone else in danger now: 112 and the crisis line for that person.
        case someoneElseInDanger(SafetyAssessment)
        /// Possible risk: ask once, plainly.
        case check(SafetyAssessment)
        /// Someone else's death or suicide, told afterwards: acknowledge, ask how the writer is.
        case aboutSomeoneElse(SafetyAssessment)
        /// A command (stop, back, restart, help).
        case command(CommandWords.Command)
        /// An answer to what the guide asked.
        case answer

        /// Whether the safety net acts on the message, wherever the conversation is.
        public var isSafety: Bool {
            switch self {
            case .crisis, .someoneElseInDanger, .check, .aboutSomeoneElse: true
            case .command, .answer: false
            }
        }
    }

    /// What the router needs to know of the conversation.
    public struct Context: Sendable {
        /// The categories of risk already asked about in this conversation: not asked again.
        public var askedCategories: Set<String> = []
        /// Whether the one the person addresses is played by gids (practice): a question put
        /// to them about suicide is a skill practised, not the writer's crisis.
        public var listenerIsRolePlayed = false
        /// The options shown: a message that chooses one is an answer, read by the rules only.
        public var options: [String] = []

        public init(askedCategories: Set<String> = [], listenerIsRolePlayed: Bool = false, options: [String] = []) {
            self.askedCategories = askedCategories
            self.listenerIsRolePlayed = listenerIsRolePlayed
            self.options = options
        }
    }

    let safetyNet: SafetyNet
    let commands: CommandWords

    /// What the (sanitised) message is, in this conversation.
    public func intent(of message: String, in context: Context = Context()) -> Intent {
        let command = commands.command(in: message)
        if command == .crisis { return .crisis(SafetyAssessment(decision: .crisis, reasons: ["the crisis command"])) }
        // Matching the options costs more than most messages' reading: only when it counts.
        let assessment = safetyNet.assess(message, isChoice: OptionMatcher.match(message, in: context.options) != nil)
        switch assessment.decision {
        case .crisis:
            return .crisis(assessment)
        case .someoneElseInDanger:
            return .someoneElseInDanger(assessment)
        case .check where assessment.isQuestionToListener && context.listenerIsRolePlayed:
            break
        case .check where assessment.category == SafetyNet.learnedCategory && context.listenerIsRolePlayed:
            break  // in a role play the trainee's words are about the colleague; the rules read their own
        case .check where !context.askedCategories.contains(assessment.category ?? ""):
            return .check(assessment)
        case .aboutSomeoneElse where context.listenerIsRolePlayed:
            break  // a patient's death in a role play is what the scenario is about
        case .aboutSomeoneElse:
            return .aboutSomeoneElse(assessment)
        case .check, .clinical, .none:
            break
        }
        return command.map(Intent.command) ?? .answer
    }
}
