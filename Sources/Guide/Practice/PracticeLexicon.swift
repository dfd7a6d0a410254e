import TextReading
import Yams
import YarnScript

/// The transparent rules that name what a trainee's response does (an open question, a
/// summary, probing for details, minimising ...) and the criteria of the debrief, from
/// `Dialogues/practice/<lang>.yaml`, so that trainers can read and tune them.
///
/// Each category has patterns in the language of ``PhrasePatterns``, matched per sentence,
/// with named lists of words (`words:`, `{name}` in a pattern). A pattern tied to the start
/// (`^`) also matches at the start of each clause (after a comma, colon or semicolon), so
/// "Je ziet er moe uit, voel je je wel goed?" asks a closed question. A pattern starting
/// with `!` is an exception: a match inside it does not count. A pattern starting with `?`
/// only counts in a sentence that asks something (it ends in `?`, or is the last sentence,
/// has no full stop and begins as a question does, or has a clause after a comma that begins
/// with a question word); `questions: true` makes that so for all of a category's patterns.
public struct PracticeLexicon: Sendable {
    /// Whether a move helps the colleague, is a typical mistake, or neither.
    public enum Kind: String, Sendable {
        case good, mistake, neutral
    }

    /// A pattern of a category, and whether it counts only in a sentence that asks (`?`).
    struct Rule: Sendable {
        var pattern: PhrasePatterns.Pattern
        var asksOnly: Bool
    }

    /// One kind of move a trainee can make.
    public struct Category: Sendable {
        public var id: String
        public var label: String
        public var kind: Kind
        /// The word of feedback shown when a response makes this move.
        public var feedback: String
        /// Whether all its patterns count only in a sentence that asks (`questions: true`).
        var questionsOnly: Bool
        var rules: [Rule]
        var exceptions: [PhrasePatterns.Pattern]
        /// What the move is in scenarios of a kind, where that differs from ``kind`` (`kind_in:`;
        /// `allowed_in:` makes it neutral): referring in a talk 1 is too early (004 Rec 28),
        /// attention for emotions in talk 2 is what the talk is for (004 L3487).
        var kindIn: [(scenario: String, kind: Kind)]
        /// The feedback in scenarios of a kind (`feedback_in:`, `allowed_feedback:`), first match
        /// first: talk-specific advice, the Flemish names of services.
        var feedbackIn: [(scenario: String, feedback: String)]
        /// Moves that this move makes void when both are found (`excludes:`): a direct question
        /// about suicide is closed on purpose, not a weak closed question.
        var excludes: [String]
    }

    /// Whether a move is good, a mistake or neither in a scenario of these kinds.
    public func kind(of id: String, in kinds: Set<String>) -> Kind? {
        guard let category = category(id) else { return nil }
        return category.kindIn.first { kinds.contains($0.scenario) }?.kind ?? category.kind
    }

    /// The word of feedback on a move in a scenario of these kinds.
    public func feedback(for id: String, in kinds: Set<String>) -> String {
        guard let category = category(id) else { return "" }
        return category.feedbackIn.first { kinds.contains($0.scenario) }?.feedback ?? category.feedback
    }

    /// How a criterion of BRIEF §7 is judged from the categories of the trainee's turns.
    public enum Judgement: Sendable {
        /// The categories asked in this order (the three questions).
        case order([String])
        /// Met when a good category appears and no bad one; partly when both do.
        case evidence(good: [String], bad: [String])
        /// Credited when one appears (asking directly about suicide); left out of the debrief otherwise.
        case credit([String])
        /// Met when a turn shows one of `shownBy` and none has a bad one; partly when both
        /// happen; not yet when only bad ones appear; not reached when no turn touched it.
        case avoid(bad: [String], shownBy: [String])
    }

    /// A criterion of the debrief.
    public struct Criterion: Sendable {
        public var id: String
        public var name: String
        var rule: Judgement
        /// The kinds of scenario it applies to (`talk1`, `checkin`, `referral-due` ...); empty: every scenario.
        var appliesTo: [String]
        /// One concrete thing to try next time.
        public var tip: String
        /// The tip in scenarios of a kind (`tip_in:`), first match first.
        var tipIn: [(scenario: String, tip: String)] = []

        /// The tip for a scenario of these kinds.
        public func tip(in kinds: Set<String>) -> String {
            tipIn.first { kinds.contains($0.scenario) }?.tip ?? tip
        }
    }

    /// A move found in an utterance, and why.
    public struct Finding: Hashable, Sendable {
        public var category: String
        /// The words of the utterance that matched, and the pattern with its line.
        public var reason: String
    }

    public var categories: [Category]
    public var criteria: [Criterion]
    /// The words of the feedback and the debrief (`feedback`, `met`, `partly`, `not_yet`, ...).
    public var texts: [String: String]
    let file: String
    private let patterns: PhrasePatterns
    /// The words a sentence that asks begins with (`questions_start_with:` names their lists):
    /// a last sentence without `?` asks only when it begins with one, as "hoe was het" does
    /// and "je hebt het goed gedaan" does not.
    let questionStarts: Set<String>
    /// The words of the first of those lists, the question words: a clause after a comma that
    /// begins with one asks ("en thuis, wie vangt je op"); one that begins with a verb is as
    /// often a statement that drops its subject ("dat klinkt zwaar, snap ik").
    let questionWords: Set<String>

    /// The texts every lexicon must have.
    static let requiredTexts = [
        "feedback", "chosen", "no_category", "debrief_title", "met", "partly", "not_yet", "not_reached",
        "not_applicable", "try_next", "report_title",
        "report_written", "scenario", "turns", "out_of_order",
    ]

    /// The lexicon's file as trainers know it (`practice/nl.yaml`), wherever the folder is.
    var shortFile: String { file.split(separator: "/").suffix(2).joined(separator: "/") }

    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }

    public func text(_ key: String) -> String { texts[key] ?? key }

    /// The moves found in what a trainee said, in the lexicon's order of categories: the
    /// patterns' reading alone (see ``read(_:reader:net:)`` for both readers).
    public func classify(_ utterance: String) -> [Finding] {
        excluding(matches(in: utterance))
    }

    /// The moves found by both readers: the ``PracticeCombiner`` weighs the learned reader's
    /// scores and the patterns' findings (see ``combined(ruled:probabilities:thresholds:asks:moves:)``).
    public func read(_ utterance: String, reader: PracticeReader?, net: SafetyNet) -> [Finding] {
        let ruled = matches(in: utterance)
        guard let reader else { return excluding(ruled) }
        let (passage, readings) = net.read(utterance)
        let moves = reader.moves.map(\.name)
        let reading = combinerReading(
            utterance, ruled: ruled, scores: reader.scores(passage, readings: readings).map(\.score), moves: moves,
            words: passage.words.count)
        return combined(
            ruled: ruled, probabilities: reader.combiner.probabilities(reading), thresholds: reader.combiner.thresholds,
            asks: reading.asks, moves: moves)
    }

    /// What the combiner reads of an utterance: the learned reader's scores (its own, or held-out
    /// ones in cross-validation), the patterns' findings, whether it asks, and its length.
    public func combinerReading(
        _ utterance: String, ruled: [Finding], scores: [Float], moves: [String], words: Int
    ) -> PracticeCombiner.Reading {
        let found = Set(ruled.map(\.category))
        return PracticeCombiner.Reading(
            scores: scores, ruled: moves.map(found.contains), asks: units(of: utterance).contains { $0.asks },
            words: words)
    }

    /// The moves whose probability reaches their threshold (both in the order of `moves`), with the
    /// patterns' reason where they found the move and the probability where they did not;
    /// a move that counts only in a question (`questions: true`) only in an utterance that
    /// asks, and without the moves another finding makes void (`excludes:`), in the
    /// lexicon's order of categories.
    func combined(
        ruled: [Finding], probabilities: [Float], thresholds: [Float], asks: Bool, moves: [String]
    ) -> [Finding] {
        // A move the reader was not trained on (a category added since) is the patterns' alone.
        var findings = ruled.filter { !moves.contains($0.category) }
        for (place, move) in moves.enumerated()
        where category(move) != nil
            && counts(move, probability: probabilities[place], threshold: thresholds[place], asks: asks)
        {
            findings.append(
                ruled.first { $0.category == move }
                    ?? Finding(
                        category: move,
                        reason:
                            "learned reader, both readers weighed: \(String(format: "%.2f", Double(probabilities[place])))"
                    ))
        }
        let order = categories.map(\.id)
        return excluding(findings).sorted {
            (order.firstIndex(of: $0.category) ?? order.count) < (order.firstIndex(of: $1.category) ?? order.count)
        }
    }

    /// Whether a move counts at this probability: it reaches the move's threshold, and a move
    /// that counts only in a question (`questions: true`) stands in an utterance that asks.
    func counts(_ move: String, probability: Float, threshold: Float, asks: Bool) -> Bool {
        probability >= threshold && (asks || category(move)?.questionsOnly != true)
    }

    /// The moves a reading of a line labelled with these moves can name: the labels without the
    /// moves another label makes void (`excludes:`), since practice never calls a direct
    /// question about suicide a closed question, however a writer labelled its form.
    public func expected(_ labels: Set<String>) -> Set<String> {
        labels.subtracting(labels.flatMap { category($0)?.excludes ?? [] })
    }

    /// The findings without the moves another finding makes void (`excludes:`).
    func excluding(_ findings: [Finding]) -> [Finding] {
        let void = Set(findings.flatMap { category($0.category)?.excludes ?? [] })
        return findings.filter { !void.contains($0.category) }
    }

    /// What the patterns find, before `excludes:`.
    public func matches(in utterance: String) -> [Finding] {
        let units = units(of: utterance)
        // One matcher per unit, shared by every category: each word is compared with each
        // pattern word at most once.
        var matchers = units.map { patterns.matcher(for: $0.words) }
        var findings: [Finding] = []
        for category in categories {
            search: for (index, unit) in units.enumerated() where !category.questionsOnly || unit.asks {
                let excused = category.exceptions.flatMap { matchers[index].spans(of: $0) }
                for rule in category.rules
                where (!unit.isClause || rule.pattern.isAnchored) && (!rule.asksOnly || unit.asks) {
                    for span in matchers[index].spans(of: rule.pattern)
                    where !excused.contains(where: { $0.contains(span) }) {
                        let matched = unit.words[span].joined(separator: " ")
                        findings.append(
                            Finding(
                                category: category.id,
                                reason: "\"\(matched)\" ~ '\(rule.pattern.text)' (\(shortFile):\(rule.pattern.line))"))
                        break search
                    }
                }
            }
        }
        return findings
    }

    /// What the patterns are matched against: each sentence, then each clause of it after
    /// the first (for patterns tied to the start); each knows whether its sentence asks: it
    /// ends in `?`, or it is the last, ends in no full stop, and it begins as a question does
    /// or a clause of it begins with a question word (typed chat often leaves the `?` out:
    /// "en thuis, wie vangt je op").
    func units(of utterance: String) -> [(words: [String], asks: Bool, isClause: Bool)] {
        let sentences = Self.sentences(of: utterance)
        var units: [(words: [String], asks: Bool, isClause: Bool)] = []
        for (index, sentence) in sentences.enumerated() {
            let words = TextNormalizer.words(sentence.text)
            let clauses = sentence.text.split(whereSeparator: { ",;:".contains($0) }).dropFirst().map {
                TextNormalizer.words(String($0))
            }.filter { !$0.isEmpty }
            let asks =
                sentence.isQuestion
                || (index == sentences.count - 1 && !sentence.isStatement
                    && (words.first.map(questionStarts.contains) == true
                        || clauses.contains { $0.first.map(questionWords.contains) == true }))
            units.append((words, asks, false))
            units += clauses.map { ($0, asks, true) }
        }
        return units
    }

    /// The sentences of an utterance, with whether each asks or states something.
    static func sentences(of utterance: String) -> [(text: String, isQuestion: Bool, isStatement: Bool)] {
        var result: [(text: String, isQuestion: Bool, isStatement: Bool)] = []
        var current = ""
        for character in utterance {
            if "?!.".contains(character) {
                if !current.trimmingSpaces.isEmpty { result.append((current, character == "?", character != "?")) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingSpaces.isEmpty { result.append((current, false, false)) }
        return result
    }

    /// Reads a lexicon; every problem is reported as `file:line:col: error: ...`.
    public static func load(text: String, file: String) throws(DiagnosticList) -> PracticeLexicon {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        var problems: [Diagnostic] = []
        var patterns = PhrasePatterns()
        // The practice patterns count on one letter of slack in any word, real words too
        // ("suit" for "suits"), for the inflections a trainee's own words take.
        patterns.dictionary = nil
        var categories: [Category] = []
        var criteria: [Criterion] = []
        var texts: [String: String] = [:]
        var questionStarts: Set<String> = []
        var questionWords: Set<String>?
        let sections = try reader.mapping(root, what: "the practice lexicon")
        // The lists of words first: the patterns of every category may use them.
        for (key, _, value) in sections where key == "words" { problems += patterns.defineLists(value, reader: reader) }
        for (key, keyNode, value) in sections {
            do throws(DiagnosticList) {
                switch key {
                case "words": break
                case "questions_start_with":
                    for item in try reader.sequence(value, what: "questions_start_with") {
                        let list = try reader.string(item, what: "a list of words")
                        let words = patterns.words(inList: list)
                        guard !words.isEmpty else {
                            throw DiagnosticList([reader.error(item, "'\(list)' is not a list under 'words'")])
                        }
                        questionStarts.formUnion(words)
                        questionWords = questionWords ?? Set(words)
                    }
                case "texts":
                    for (name, _, text) in try reader.mapping(value, what: "texts") {
                        texts[name] = try reader.string(text, what: "the text '\(name)'")
                    }
                case "categories":
                    for (id, _, node) in try reader.mapping(value, what: "categories") {
                        categories.append(try category(id, node, reader: reader, patterns: &patterns))
                    }
                case "criteria":
                    for item in try reader.sequence(value, what: "criteria") {
                        criteria.append(try criterion(item, reader: reader))
                    }
                default:
                    problems.append(
                        reader.error(
                            keyNode,
                            "unknown section '\(key)'; expected words, questions_start_with, texts, categories or criteria"
                        ))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        for name in requiredTexts where texts[name] == nil {
            problems.append(Diagnostic(.error, at: start, "the text '\(name)' is missing under 'texts'"))
        }
        let known = Set(categories.map(\.id))
        for criterion in criteria {
            let named: [String]
            switch criterion.rule {
            case .order(let ids), .credit(let ids): named = ids
            case .evidence(let good, let bad), .avoid(let bad, let good): named = good + bad
            }
            for id in named where !known.contains(id) {
                problems.append(
                    Diagnostic(
                        .error, at: start,
                        "criterion '\(criterion.id)' names the unknown category '\(id)'\(Suggestions.hint(for: id, in: known))"
                    ))
            }
        }
        if categories.isEmpty {
            problems.append(Diagnostic(.error, at: start, "the practice lexicon has no categories"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return PracticeLexicon(
            categories: categories, criteria: criteria, texts: texts, file: file, patterns: patterns,
            questionStarts: questionStarts, questionWords: questionWords ?? [])
    }

    private static func category(_ id: String, _ node: Node, reader: YAMLReader, patterns: inout PhrasePatterns)
        throws(DiagnosticList) -> Category
    {
        var result = Category(
            id: id, label: id, kind: .neutral, feedback: "", questionsOnly: false, rules: [], exceptions: [],
            kindIn: [], feedbackIn: [], excludes: [])
        var allowedIn: [String] = []
        var allowedFeedback = ""
        var problems: [Diagnostic] = []
        for (key, keyNode, value) in try reader.mapping(node, what: "category '\(id)'") {
            switch key {
            case "label": result.label = try reader.string(value, what: "the label")
            case "feedback": result.feedback = try reader.string(value, what: "the feedback")
            case "allowed_in":
                for item in try reader.sequence(value, what: "'allowed_in'") {
                    allowedIn.append(try reader.string(item, what: "a kind of scenario"))
                }
            case "allowed_feedback":
                allowedFeedback = try reader.string(value, what: "the feedback where it is allowed")
            case "kind_in":
                for (scenario, _, kindNode) in try reader.mapping(value, what: "'kind_in'") {
                    guard let kind = Kind(rawValue: try reader.string(kindNode, what: "the kind")) else {
                        throw DiagnosticList([reader.error(kindNode, "the kind must be good, mistake or neutral")])
                    }
                    result.kindIn.append((scenario, kind))
                }
            case "feedback_in":
                for (scenario, _, text) in try reader.mapping(value, what: "'feedback_in'") {
                    result.feedbackIn.append((scenario, try reader.string(text, what: "the feedback")))
                }
            case "excludes":
                for item in try reader.sequence(value, what: "'excludes'") {
                    result.excludes.append(try reader.string(item, what: "a category"))
                }
            case "questions": result.questionsOnly = try reader.bool(value, what: "'questions'")
            case "kind":
                guard let kind = Kind(rawValue: try reader.string(value, what: "the kind")) else {
                    throw DiagnosticList([reader.error(value, "the kind must be good, mistake or neutral")])
                }
                result.kind = kind
            case "patterns":
                for item in try reader.sequence(value, what: "the patterns") {
                    var text = Substring(try reader.string(item, what: "a pattern")).trimmingSpaces
                    let isException = text.hasPrefix("!")
                    if isException { text = text.dropFirst() }
                    let asksOnly = text.hasPrefix("?")
                    if asksOnly { text = text.dropFirst() }
                    switch patterns.parse(text, line: item.mark?.line ?? 1) {
                    case .success(let pattern):
                        if isException {
                            result.exceptions.append(pattern)
                        } else {
                            result.rules.append(Rule(pattern: pattern, asksOnly: asksOnly))
                        }
                    case .failure(let problem): problems.append(reader.error(item, problem.message))
                    }
                }
            default:
                problems.append(
                    reader.error(
                        keyNode,
                        "unknown key '\(key)'; expected label, kind, feedback, kind_in, feedback_in, allowed_in, allowed_feedback, excludes, questions or patterns"
                    ))
            }
        }
        result.kindIn += allowedIn.map { ($0, .neutral) }
        if !allowedFeedback.isEmpty { result.feedbackIn += allowedIn.map { ($0, allowedFeedback) } }
        if result.rules.isEmpty { problems.append(reader.error(node, "category '\(id)' has no patterns")) }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return result
    }

    private static func criterion(_ node: Node, reader: YAMLReader) throws(DiagnosticList) -> Criterion {
        var id = ""
        var name = ""
        var tip = ""
        var appliesTo: [String] = []
        var order: [String]?
        var good: [String] = []
        var bad: [String] = []
        var avoid: [String]?
        var shownBy: [String] = []
        var credit: [String]?
        var tipIn: [(scenario: String, tip: String)] = []
        func list(_ value: Node, _ what: String) throws(DiagnosticList) -> [String] {
            var items: [String] = []
            for item in try reader.sequence(value, what: what) { items.append(try reader.string(item, what: what)) }
            return items
        }
        for (key, keyNode, value) in try reader.mapping(node, what: "a criterion") {
            switch key {
            case "id": id = try reader.string(value, what: "the id")
            case "name": name = try reader.string(value, what: "the name")
            case "tip": tip = try reader.string(value, what: "the tip")
            case "applies": appliesTo = try list(value, "'applies'")
            case "order": order = try list(value, "'order'")
            case "good": good = try list(value, "'good'")
            case "bad": bad = try list(value, "'bad'")
            case "avoid": avoid = try list(value, "'avoid'")
            case "shown_by": shownBy = try list(value, "'shown_by'")
            case "tip_in":
                for (scenario, _, text) in try reader.mapping(value, what: "'tip_in'") {
                    tipIn.append((scenario, try reader.string(text, what: "the tip")))
                }
            case "credit": credit = try list(value, "'credit'")
            default:
                throw DiagnosticList([
                    reader.error(
                        keyNode,
                        "unknown key '\(key)'; expected id, name, tip, tip_in, applies, order, good, bad, avoid, shown_by or credit"
                    )
                ])
            }
        }
        guard !id.isEmpty, !name.isEmpty, !tip.isEmpty else {
            throw DiagnosticList([reader.error(node, "a criterion needs an id, a name and a tip")])
        }
        let rule: Judgement
        if let order {
            rule = .order(order)
        } else if let avoid {
            rule = .avoid(bad: avoid, shownBy: shownBy)
        } else if let credit {
            rule = .credit(credit)
        } else if !good.isEmpty {
            rule = .evidence(good: good, bad: bad)
        } else {
            throw DiagnosticList([reader.error(node, "criterion '\(id)' needs 'order', 'avoid', 'credit' or 'good'")])
        }
        return Criterion(id: id, name: name, rule: rule, appliesTo: appliesTo, tip: tip, tipIn: tipIn)
    }
}
