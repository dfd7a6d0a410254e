/// One clause of a passage as the readers see it: who it is about, and how it is said.
public struct Clause: Sendable, Hashable {
    /// Whom a clause is about: the first person it names, with pronouns resolved to the last
    /// one named before them.
    public enum Holder: String, Sendable, CaseIterable {
        /// The writer ("ik", "mijn leven"), or no one named, which in a message is the writer too.
        case writer
        /// The one addressed ("je", "you").
        case listener
        /// A patient, client or resident.
        case patient
        /// Someone else named ("mijn collega", "hij").
        case someoneElse = "someone-else"
        /// People in general, nobody in particular ("sommige mensen", "people").
        case people
        /// No one named at all.
        case nobody
    }

    /// The range of the clause's words in its passage.
    public var words: Range<Int>
    public var holder: Holder
    /// Whether its sentence asks something.
    public var isQuestion: Bool
    /// Whether its words are quoted, or reported as someone's ("hij zei dat ...", "ze zei: ...").
    public var isQuoted: Bool
    /// Whose words a quoted or reported clause gives, when a reporting verb says so ("de cliënt
    /// zei: ..." a patient's); nil for a clause in the writer's own words, or quoted words whose
    /// speaker is not named.
    public var speaker: Holder?
    /// Whether it speaks of the past.
    public var isPast: Bool
    /// Whether it holds a negation.
    public var isNegated: Bool
    /// Whether its sentence is clinical talk (a patient's risk assessment, an observation).
    public var isClinical: Bool
    /// Whether its sentence is training talk (a course, a protocol, a meeting about it).
    public var isTraining: Bool
}
