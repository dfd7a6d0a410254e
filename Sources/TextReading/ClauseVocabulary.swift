/// The words that tell who a clause is about and how it is said, given to the language layer
/// by the readers (the safety lexicons' `words:` lists), so that it knows no dialogue itself.
///
/// Every word is filed once with all the roles it has, so a word of a message is looked up
/// once, not once per list.
public struct ClauseVocabulary: Sendable {
    /// The roles a word can have in a clause.
    public struct Roles: OptionSet, Hashable, Sendable {
        public let rawValue: UInt16

        public init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        /// The writer: ik, me, mezelf, I, myself.
        public static let writer = Roles(rawValue: 1 << 0)
        /// The one addressed: je, jij, ge, you.
        public static let listener = Roles(rawValue: 1 << 1)
        /// Those a care worker cares for: patiënt, cliënt, bewoner, patient, resident.
        public static let patients = Roles(rawValue: 1 << 2)
        /// Anyone else named: hij, collega, vriendin, he, colleague.
        public static let others = Roles(rawValue: 1 << 3)
        /// People in general, nobody in particular: mensen, sommige, people, some, many.
        public static let people = Roles(rawValue: 1 << 4)
        /// Pronouns that point back to whoever was named last: hij, ze, he, she.
        public static let pronouns = Roles(rawValue: 1 << 5)
        /// Possessives of the writer: mijn, my ("mijn collega" is someone else, "mijn leven" the writer's).
        public static let possessive = Roles(rawValue: 1 << 6)
        /// Negations: niet, geen, nooit, not, never.
        public static let negation = Roles(rawValue: 1 << 7)
        /// Words that put a clause in the past: was, had, gisteren, toen, yesterday, ago.
        public static let past = Roles(rawValue: 1 << 8)
        /// Verbs that report someone else's words: zei, zegt, vertelde, said, told.
        public static let reporting = Roles(rawValue: 1 << 9)
        /// Clinical talk: suïcidaliteit, risicotaxatie, observatie, ideation.
        public static let clinical = Roles(rawValue: 1 << 10)
        /// Training talk: cursus, training, protocol, course, workshop.
        public static let training = Roles(rawValue: 1 << 11)
    }

    private var exact: [String: Roles] = [:]
    private var prefixes: [(prefix: String, roles: Roles)] = []

    /// No words at all: every clause is about nobody in particular, said plainly.
    public init() {}

    /// The words of each role, as a lexicon writes them (`word`, or `word*` for every word
    /// that starts so).
    public init(_ lists: [Roles: [String]]) {
        for (roles, words) in lists {
            for word in words {
                if word.hasSuffix("*") {
                    prefixes.append((String(word.dropLast()), roles))
                } else {
                    exact[word, default: []].formUnion(roles)
                }
            }
        }
    }

    /// The roles of a word read in any of these forms.
    public func roles(of forms: some Sequence<String>) -> Roles {
        var roles: Roles = []
        for form in forms {
            if let found = exact[form] { roles.formUnion(found) }
            for (prefix, prefixRoles) in prefixes where form.hasPrefix(prefix) { roles.formUnion(prefixRoles) }
        }
        return roles
    }

    /// Whether a word is a compound with a word of one of these roles (five letters or more) at
    /// its start or its end, beside three or more letters of its own: "suicideprotocol" and
    /// "trainingsdag" have a training word.
    public func isCompound(with roles: Roles, _ word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 8 else { return false }
        let has = { (part: ArraySlice<Unicode.Scalar>) in
            exact[String(String.UnicodeScalarView(part))].map { !$0.isDisjoint(with: roles) } ?? false
        }
        return (5...(letters.count - 3)).contains { length in
            has(letters[..<length]) || has(letters[(letters.count - length)...])
        }
    }

    /// The roles of a word as written and in its standard chat form ("k" as "ik"); role words
    /// are small words, so their stems and joined verbs add nothing.
    public func roles(ofWord word: String) -> Roles {
        roles(of: CollectionOfOne(word)).union(roles(of: ChatForms.standard(for: word)))
    }
}
