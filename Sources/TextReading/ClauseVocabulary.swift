/// The words that tell who a clause is about and how it is said, given to the language layer
/// by the readers (the safety lexicons' `words:` lists), so that it knows no dialogue itself.
public struct ClauseVocabulary: Sendable {
    /// The writer: ik, me, mezelf, I, myself.
    public var writer = WordSet([])
    /// The one addressed: je, jij, ge, you.
    public var listener = WordSet([])
    /// Those a care worker cares for: patiënt, cliënt, bewoner, patient, resident.
    public var patients = WordSet([])
    /// Anyone else named: hij, collega, vriendin, he, colleague.
    public var others = WordSet([])
    /// People in general, nobody in particular: mensen, sommige, people, some, many.
    public var generic = WordSet([])
    /// Pronouns that point back to whoever was named last: hij, ze, he, she.
    public var pronouns = WordSet([])
    /// Possessives of the writer: mijn, my ("mijn collega" is someone else, "mijn leven" the writer's).
    public var possessive = WordSet([])
    /// Negations: niet, geen, nooit, not, never.
    public var negation = WordSet([])
    /// Words that put a clause in the past: was, had, gisteren, toen, yesterday, ago.
    public var past = WordSet([])
    /// Verbs that report someone else's words: zei, zegt, vertelde, said, told.
    public var reporting = WordSet([])
    /// Clinical talk: suïcidaliteit, risicotaxatie, observatie, ideation.
    public var clinical = WordSet([])
    /// Training talk: cursus, training, protocol, course, workshop.
    public var training = WordSet([])

    public init() {}
}
