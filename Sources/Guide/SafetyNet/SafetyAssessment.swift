/// What the safety net makes of one message, and why.
public struct SafetyAssessment: Hashable, Sendable {
    /// How sure a risk pattern is.
    public enum Level: String, Hashable, Sendable {
        /// Clear risk: the crisis answer at once.
        case crisis
        /// Possible risk (a hint, a euphemism): ask once, plainly.
        case check
        /// Someone's death, told: never a risk to the writer, but heavy to carry; acknowledged.
        case told
    }

    /// What the guide does with the message. The cases are ordered: when a message says
    /// several things, the most urgent one decides.
    public enum Decision: String, Hashable, Sendable, Comparable, CaseIterable {
        /// Nothing the safety net acts on.
        case none
        /// Clinical or training talk about suicide or death (a protocol, a course, a patient's
        /// risk assessment): answered as any other message.
        case clinical
        /// A patient's or someone else's death or suicide, told afterwards: no crisis answer;
        /// acknowledge it and ask how the writer is doing.
        case aboutSomeoneElse = "about-someone-else"
        /// Possible risk about the writer, or a question about suicide put to the guide: ask once.
        case check
        /// Someone else is in danger now: 112, and the crisis line for that person.
        case someoneElseInDanger = "someone-else-in-danger"
        /// Clear risk about the writer: the crisis answer.
        case crisis

        public static func < (lhs: Decision, rhs: Decision) -> Bool {
            lhs.urgency < rhs.urgency
        }

        private var urgency: Int {
            switch self {
            case .none: 0
            case .clinical: 1
            case .aboutSomeoneElse: 2
            case .check: 3
            case .someoneElseInDanger: 4
            case .crisis: 5
            }
        }
    }

    public var decision: Decision
    /// The category of BRIEF §10 (`wish-dead`, `self-harm`, ...), when a risk pattern matched.
    public var category: String?
    /// Why: the words that matched, the rule, and where it is written (`safety/nl.yaml:42`).
    public var reasons: [String]
    /// Whether it is a question put to the one addressed ("denk je weleens aan zelfmoord?"):
    /// in practice, a skill practised with the simulated colleague.
    public var isQuestionToListener: Bool

    public init(decision: Decision, category: String? = nil, reasons: [String] = [], isQuestionToListener: Bool = false)
    {
        self.decision = decision
        self.category = category
        self.reasons = reasons
        self.isQuestionToListener = isQuestionToListener
    }

    static let nothing = SafetyAssessment(decision: .none)
}
