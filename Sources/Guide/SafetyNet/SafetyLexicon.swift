import TextReading
import Yams
import YarnScript

/// What the safety net knows, read from `Dialogues/safety/<lang>.yaml` (one file per language,
/// read together), so that an organisation can read and extend it.
///
/// - `words:` named lists of words. Seven lists tell the safety net who a sentence is about
///   and how: `self` (the writer: ik, me, mijn leven), `listener` (the one addressed: je,
///   you), `others` (anyone else: hij, collega, vriendin), `patients` (those a care worker
///   cares for: patiënt, cliënt, bewoner), `pronouns` (hij, ze, he: they point back to the
///   person last named, a patient or not), `possessive` (mijn, my: "mijn collega" is someone
///   else, "mijn leven" the writer's), `reflexive` (mezelf, zich, himself: inside a risk they
///   say whose it is), `prepositions` ("van mij" does not act), `negation` and `clause-breaks`
///   (where a negation stops: maar, but), `subordinators` (where a new subject may start: dat,
///   die, that, who). Any other list can be used in a pattern as `{name}`.
/// - `risks:` the categories of BRIEF §10, each with `crisis:` patterns (clear risk) and
///   `check:` patterns (possible risk: a hint, a euphemism), and `death` with `told:` patterns
///   (someone's death, acknowledged as heavy, never a risk to the writer). Patterns are in the language of
///   ``PhrasePatterns``; `A ~ B` matches when both parts match in one clause, in either order
///   (concepts rather than word sequences: "eind* ~ {maken} ~ {leven}"), `A + B` in one
///   sentence, `A & B` anywhere in the message.
/// - `clinical:` clinical and training talk (suïcidepreventie, patients with suicidal
///   ideation): a risk found inside it is not about the writer.
/// - `idioms:` expressions that are not a risk ("dood op", "dying to").
/// - `urgency:` someone else in danger now ("wat moet ik doen", "right now"), and
///   `completed:` someone else's death, told afterwards ("overleden", "took his own life").
/// - `job-change:` a next job or place of work named ("daarna begin ik bij", "new job"): a
///   hint of preparing or of giving up (`check:` level) in such a message is about leaving
///   the job ("mijn laatste dienst is vrijdag, daarna begin ik bij de gemeente"), not life.
public struct SafetyLexicon: Sendable {
    /// A rule: patterns that must all match, the first in a sentence, each other one in the
    /// same clause (`~`), the same sentence (`+`) or anywhere in the message (`&`), before or
    /// after the first. A class, shared as read.
    final class Rule: Sendable {
        /// Where a part after the first may stand.
        enum Scope: Sendable {
            /// In the clause of the first part (`~`): concepts in one clause, in any order.
            case clause
            /// In the sentence of the first part, or across a colon (`+`).
            case sentence
            /// Anywhere in the message (`&`).
            case message
        }

        let parts: [PhrasePatterns.Pattern]
        /// For each part, where it may stand (the first part's scope is not used).
        let scopes: [Scope]
        let category: String
        let level: SafetyAssessment.Level
        /// Where it is written: the file as an organisation knows it (`safety/nl.yaml`), and the line.
        let file: String
        let line: Int
        let text: String

        init(
            parts: [PhrasePatterns.Pattern], scopes: [Scope], category: String, level: SafetyAssessment.Level,
            file: String, line: Int, text: String
        ) {
            self.parts = parts
            self.scopes = scopes
            self.category = category
            self.level = level
            self.file = file
            self.line = line
            self.text = text
        }
    }

    /// The lists that say who a sentence is about and how; every lexicon defines them.
    enum Role: String, CaseIterable {
        case `self`, listener, others, patients, pronouns, possessive, reflexive, prepositions, negation
        case clauseBreaks = "clause-breaks"
        case subordinators
        /// People in general, nobody in particular ("mensen", "sommige collega's", "people"):
        /// risk said of them puts no one in danger. A lexicon may leave it out.
        case people
        /// Verbs that give someone's words ("zei", "told"): "hij zei me" names the writer as the
        /// one told, not the one at risk. A lexicon may leave it out.
        case reporting
        /// Verbs of asking or talking with someone ("vragen", "bespreken", "ask"), and the
        /// prepositions that name what about (`topics`: "naar", "over", "about"): a risk asked
        /// about is held by the one asked ("hoe vraag ik een cliënt naar suïcidale gedachten").
        /// A lexicon may leave them out.
        case asking, topics
        /// The word that names who did it in a passive ("door", "by": "door een patiënt
        /// geslagen"), and the writer named as an object ("me", "mij"): with them, harm a patient
        /// did to the writer is told as an incident, not read as a fear of harming. A lexicon may
        /// leave them out.
        case passiveAgent = "passive-agent"
        case selfAsObject = "self-as-object"
        /// The words that start a question someone was asked ("of", "if", "whether": "ik vroeg
        /// of ze eraan dacht"): a risk asked about is no statement of it. A lexicon may leave
        /// it out.
        case whether
        /// The relative pronouns ("die", "who"): the person named right before one holds the
        /// clause it starts ("een cliënt die aan zelfbeschadiging doet", "a client who
        /// self-harms"), unless a copula with the writer as subject makes that person the
        /// writer ("ik ben iemand die", "I'm someone who"). A lexicon may leave them out.
        case relatives, copulas
        /// The word that gives someone what follows ("met", "with"): "iemand met
        /// zelfmoordgedachten", "a patient with suicidal thoughts" are that person's. A lexicon
        /// may leave it out.
        case having
        /// Laughter typed after a risk ("haha", "lol"): a joke, or a risk said as one; the
        /// writer's wish to be dead or thought of suicide laughed off is asked about, not
        /// answered. A lexicon may leave it out.
        case laughter
        /// Verbs that told someone's words in the past ("zei", "vertelde", "told") and the times
        /// of day said with them ("vanavond", "tonight"): "mevrouw zei vanavond dat ze dood wil"
        /// says when a patient said it, not that the danger is now. A lexicon may leave them out.
        case pastReporting = "past-reporting"
        case tellingTimes = "telling-times"

        /// Whether every lexicon must define the list.
        var isRequired: Bool {
            ![
                .people, .reporting, .asking, .topics, .passiveAgent, .selfAsObject, .whether, .relatives, .copulas,
                .having, .laughter, .pastReporting, .tellingTimes,
            ].contains(self)
        }
    }

    /// The categories of BRIEF §10, in the order the explanations and figures use, then the
    /// writer in danger from someone else, and someone's death told (level `told`: acknowledged).
    public static let categories = [
        "wish-dead", "thoughts", "method-means", "plan-intent", "preparing", "past-attempt", "burden-hopeless",
        "self-harm",
        "harm-others", "danger", "death",
    ]

    /// The sections of single phrases, besides `words` and `risks`.
    static let phraseSections = ["clinical", "idioms", "urgency", "completed", "job-change"]

    var patterns = PhrasePatterns()
    var rules: [Rule] = []
    var clinical: [PhrasePatterns.Pattern] = []
    var idioms: [PhrasePatterns.Pattern] = []
    var urgency: [PhrasePatterns.Pattern] = []
    var completed: [PhrasePatterns.Pattern] = []
    var jobChange: [PhrasePatterns.Pattern] = []
    /// The terms of each role's list.
    var roles: [Role: [Int]] = [:]
    /// For each term, the rules it anchors: each rule is filed under the terms of its most
    /// particular word (the one with fewest terms), so that a message is read only with the
    /// rules one of its words can anchor ("ik" anchors next to nothing).
    private(set) var rulesByAnchor: [[Int]] = []
    /// The rules of one long word, also found inside a word with the words run together.
    private(set) var compactRules: [Int] = []
    /// Reads a typo of a word the lexicons know as that word ("zelfmort": "zelfmoord").
    private(set) var corrector = SpellingCorrector(vocabulary: [], dictionary: nil)
    /// Reads words typed without spaces as the words the lexicons know ("ikwildood").
    private(set) var runTogether = RunTogetherWords(words: [], shortWords: [], dictionary: nil)
    /// The lists of words that tell the language layer who a clause is about and how it is
    /// said: the roles, and the optional lists `people` (nobody in particular: "mensen",
    /// "sommige"), `past`, `reporting` ("zei", "said") and `training`.
    private(set) var clauseVocabulary = ClauseVocabulary()

    /// Reads the lexicons of every language as one, so that a message mixing languages, or a
    /// word of one language in the other's sentence ("ik heb suicidal thoughts", "niet
    /// suïcidaal"), is read with all of them: lists of the same name are joined. Every mistake
    /// is reported as `file:line:col: error: ...`.
    public init(sources: [(text: String, file: String)]) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var documents: [(reader: YAMLReader, sections: [String: Node], risks: Node)] = []
        for (text, file) in sources {
            // Only text: none of its scalars needs a type.
            let reader = YAMLReader(file: file, typesScalars: false)
            do throws(DiagnosticList) {
                var sections: [String: Node] = [:]
                let root = try reader.root(of: text)
                for (key, keyNode, value) in try reader.mapping(root, what: "a safety lexicon") {
                    guard ["words", "risks"].contains(key) || Self.phraseSections.contains(key) else {
                        problems.append(
                            reader.error(
                                keyNode,
                                "unknown section '\(key)'; a safety lexicon has words, risks, \(Self.phraseSections.joined(separator: ", "))"
                            ))
                        continue
                    }
                    sections[key] = value
                }
                guard let words = sections["words"], let risks = sections["risks"] else {
                    throw DiagnosticList([reader.error(root, "a safety lexicon needs the sections 'words' and 'risks'")]
                    )
                }
                problems += patterns.defineLists(words, reader: reader)
                documents.append((reader, sections, risks))
            } catch {
                problems += error.diagnostics
            }
        }
        for role in Role.allCases {
            roles[role] = patterns.wordLists[role.rawValue] ?? []
        }
        for (reader, sections, risks) in documents {
            for role in Role.allCases where role.isRequired && !Self.defines(sections["words"], role.rawValue) {
                problems.append(
                    reader.error(
                        sections["words"] ?? risks,
                        "'words' needs a list '\(role.rawValue)': the safety net uses it to tell who a sentence is about"
                    ))
            }
            problems += readRisks(risks, reader: reader)
            problems += readPhrases(sections, reader: reader)
        }
        rulesByAnchor = [[Int]](repeating: [], count: patterns.terms.count)
        for (index, rule) in rules.enumerated() {
            let words = rule.parts.flatMap(\.tokens).compactMap(\.terms)
            for term in words.min(by: { $0.count < $1.count }) ?? [] { rulesByAnchor[term].append(index) }
            if rule.parts.count == 1, rule.parts[0].compactStem != nil { compactRules.append(index) }
        }
        corrector = SpellingCorrector(vocabulary: patterns.vocabulary)
        runTogether = RunTogetherWords(
            words: patterns.vocabulary,
            shortWords: [Role.`self`, .listener, .possessive, .negation, .prepositions].flatMap {
                patterns.words(inList: $0.rawValue)
            })
        clauseVocabulary = makeClauseVocabulary()
        if problems.isEmpty, rules.isEmpty {
            problems.append(
                Diagnostic(
                    .error, at: SourceLocation(file: sources.first?.file ?? "safety", line: 1, column: 1),
                    "the safety lexicons have no risk patterns"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
    }

    private func makeClauseVocabulary() -> ClauseVocabulary {
        let lists: [(ClauseVocabulary.Roles, String)] = [
            (.writer, Role.`self`.rawValue), (.listener, Role.listener.rawValue), (.patients, Role.patients.rawValue),
            (.others, Role.others.rawValue), (.pronouns, Role.pronouns.rawValue),
            (.possessive, Role.possessive.rawValue), (.negation, Role.negation.rawValue),
            (.people, Role.people.rawValue), (.past, "past"), (.reporting, Role.reporting.rawValue),
            (.clinical, "clinical-words"), (.training, "training"),
        ]
        return ClauseVocabulary(Dictionary(uniqueKeysWithValues: lists.map { ($0.0, patterns.words(inList: $0.1)) }))
    }

    /// Adds a file's lists of words to those already read (lists of the same name are joined).
    private static func defines(_ words: Node?, _ name: String) -> Bool {
        words?.mapping?.keys.contains { $0.string == name } ?? false
    }

    /// The patterns of a list, with their nodes (for positions).
    private static func patternList(_ node: Node, what: String, reader: YAMLReader) throws(DiagnosticList) -> [(
        text: String, node: Node
    )] {
        var list: [(text: String, node: Node)] = []
        for item in try reader.sequence(node, what: what) {
            list.append((try reader.string(item, what: "a pattern"), item))
        }
        return list
    }

    /// A rule's parts (`A ~ B + C & D`), each with where it may stand, or the problem with it.
    private mutating func parts(of text: String, at node: Node, reader: YAMLReader) -> Result<
        [(pattern: PhrasePatterns.Pattern, scope: Rule.Scope)], Diagnostic
    > {
        var parts: [(pattern: PhrasePatterns.Pattern, scope: Rule.Scope)] = []
        var scope = Rule.Scope.sentence
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "+" || $0 == "&" || $0 == "~" } ?? rest.endIndex
            let part = rest[..<end]
            let next = end < rest.endIndex ? rest[end] : nil
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            switch patterns.parse(part, line: node.mark?.line ?? 1) {
            case .success(let pattern) where pattern.tokens.last == .gap:
                return .failure(reader.error(node, "a pattern cannot end with '*'"))
            case .success(let pattern): parts.append((pattern, scope))
            case .failure(let problem): return .failure(reader.error(node, problem.message))
            }
            scope = next == "&" ? .message : next == "~" ? .clause : .sentence
        }
        return .success(parts)
    }

    private mutating func readRisks(_ risks: Node, reader: YAMLReader) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let file = reader.file.split(separator: "/").suffix(2).joined(separator: "/")
        do throws(DiagnosticList) {
            for (category, categoryNode, levels) in try reader.mapping(risks, what: "'risks'") {
                guard Self.categories.contains(category) else {
                    problems.append(
                        reader.error(
                            categoryNode,
                            "unknown category '\(category)'; expected one of \(Self.categories.joined(separator: ", "))"
                        ))
                    continue
                }
                for (level, levelNode, list) in try reader.mapping(levels, what: "the patterns of '\(category)'") {
                    guard let level = SafetyAssessment.Level(rawValue: level) else {
                        problems.append(
                            reader.error(
                                levelNode,
                                "unknown level '\(level)'; use 'crisis' (clear risk), 'check' (possible risk) or 'told' (someone's death)"
                            ))
                        continue
                    }
                    for (text, node) in try Self.patternList(
                        list, what: "the \(level.rawValue) patterns of '\(category)'", reader: reader)
                    {
                        switch parts(of: text, at: node, reader: reader) {
                        case .success(let parts):
                            rules.append(
                                Rule(
                                    parts: parts.map(\.pattern), scopes: parts.map(\.scope), category: category,
                                    level: level, file: file,
                                    line: node.mark?.line ?? 1, text: text))
                        case .failure(let problem): problems.append(problem)
                        }
                    }
                }
            }
        } catch {
            problems += error.diagnostics
        }
        return problems
    }

    private mutating func readPhrases(_ sections: [String: Node], reader: YAMLReader) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for section in Self.phraseSections {
            guard let node = sections[section] else { continue }
            do throws(DiagnosticList) {
                for (text, item) in try Self.patternList(node, what: "'\(section)'", reader: reader) {
                    switch parts(of: text, at: item, reader: reader) {
                    case .success(let parts) where parts.count == 1:
                        switch section {
                        case "clinical": clinical.append(parts[0].pattern)
                        case "idioms": idioms.append(parts[0].pattern)
                        case "urgency": urgency.append(parts[0].pattern)
                        case "job-change": jobChange.append(parts[0].pattern)
                        default: completed.append(parts[0].pattern)
                        }
                    case .success:
                        let problem = "'~', '+' and '&' are for risks; write each \(section) pattern as one phrase"
                        problems.append(reader.error(item, problem))
                    case .failure(let problem): problems.append(problem)
                    }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        return problems
    }
}

/// Several diagnostics thrown together.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
