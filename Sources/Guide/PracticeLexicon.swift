import Yams
import YarnScript

/// The transparent rules that name what a trainee's response does (an open question, a
/// summary, probing for details, minimising ...) and the criteria of the debrief, from
/// `Dialogues/practice/<lang>.yaml`, so that trainers can read and tune them.
///
/// Each category has patterns in the language of ``PhrasePatterns``, matched per sentence;
/// a pattern starting with `!` is an exception: a match inside it does not count.
/// Categories marked `questions: true` only count in a sentence that asks something (it
/// ends in `?`, or is the last sentence and has no full stop).
public struct PracticeLexicon: Sendable {
    /// Whether a move helps the colleague, is a typical mistake, or neither.
    public enum Kind: String, Sendable {
        case good, mistake, neutral
    }

    /// One kind of move a trainee can make.
    public struct Category: Sendable {
        public var id: String
        public var label: String
        public var kind: Kind
        /// The word of feedback shown when a response makes this move.
        public var feedback: String
        var questionsOnly: Bool
        var patterns: [PhrasePatterns.Pattern]
        var exceptions: [PhrasePatterns.Pattern]
    }

    /// How a criterion of BRIEF §7 is judged from the categories of the trainee's turns.
    public enum Rule: Sendable {
        /// The categories asked in this order (the three questions).
        case order([String])
        /// Met when a good category appears and no bad one; partly when both do.
        case evidence(good: [String], bad: [String])
        /// Met when none of these appears; partly when one turn has one.
        case avoid([String])
    }

    /// A criterion of the debrief.
    public struct Criterion: Sendable {
        public var id: String
        public var name: String
        var rule: Rule
        /// The kinds of scenario it applies to (`talk1`, `checkin`, `referral-due` ...); empty: every scenario.
        var appliesTo: [String]
        /// One concrete thing to try next time.
        public var tip: String
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

    /// The texts every lexicon must have.
    static let requiredTexts = [
        "feedback", "chosen", "no_category", "debrief_title", "met", "partly", "not_yet", "not_applicable", "try_next", "report_title",
        "report_written", "scenario", "turns",
    ]

    /// The lexicon's file as trainers know it (`practice/nl.yaml`), wherever the folder is.
    var shortFile: String { file.split(separator: "/").suffix(2).joined(separator: "/") }

    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }

    public func text(_ key: String) -> String { texts[key] ?? key }

    /// The moves found in what a trainee said, in the lexicon's order of categories.
    public func classify(_ utterance: String) -> [Finding] {
        let sentences = Self.sentences(of: utterance)
        // One matcher per sentence, shared by every category: each word is compared with
        // each pattern word at most once.
        let words = sentences.map { TextNormalizer.words($0.text) }
        var matchers = words.map { patterns.matcher(for: $0) }
        var findings: [Finding] = []
        for category in categories {
            search: for (index, sentence) in sentences.enumerated() {
                if category.questionsOnly, !(sentence.isQuestion || (index == sentences.count - 1 && !sentence.isStatement)) { continue }
                let excused = category.exceptions.flatMap { matchers[index].spans(of: $0) }
                for pattern in category.patterns {
                    for span in matchers[index].spans(of: pattern) where !excused.contains(where: { $0.contains(span) }) {
                        let matched = words[index][span].joined(separator: " ")
                        findings.append(Finding(category: category.id, reason: "\"\(matched)\" ~ '\(pattern.text)' (\(shortFile):\(pattern.line))"))
                        break search
                    }
                }
            }
        }
        return findings
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
        var categories: [Category] = []
        var criteria: [Criterion] = []
        var texts: [String: String] = [:]
        for (key, keyNode, value) in try reader.mapping(root, what: "the practice lexicon") {
            do throws(DiagnosticList) {
                switch key {
                case "texts":
                    for (name, _, text) in try reader.mapping(value, what: "texts") { texts[name] = try reader.string(text, what: "the text '\(name)'") }
                case "categories":
                    for (id, _, node) in try reader.mapping(value, what: "categories") {
                        categories.append(try category(id, node, reader: reader, patterns: &patterns))
                    }
                case "criteria":
                    for item in try reader.sequence(value, what: "criteria") { criteria.append(try criterion(item, reader: reader)) }
                default:
                    problems.append(reader.error(keyNode, "unknown section '\(key)'; expected texts, categories or criteria"))
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
            case .order(let ids), .avoid(let ids): named = ids
            case .evidence(let good, let bad): named = good + bad
            }
            for id in named where !known.contains(id) {
                problems.append(Diagnostic(.error, at: start, "criterion '\(criterion.id)' names the unknown category '\(id)'\(Suggestions.hint(for: id, in: known))"))
            }
        }
        if categories.isEmpty { problems.append(Diagnostic(.error, at: start, "the practice lexicon has no categories")) }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return PracticeLexicon(categories: categories, criteria: criteria, texts: texts, file: file, patterns: patterns)
    }

    private static func category(_ id: String, _ node: Node, reader: YAMLReader, patterns: inout PhrasePatterns) throws(DiagnosticList) -> Category {
        var result = Category(id: id, label: id, kind: .neutral, feedback: "", questionsOnly: false, patterns: [], exceptions: [])
        var problems: [Diagnostic] = []
        for (key, keyNode, value) in try reader.mapping(node, what: "category '\(id)'") {
            switch key {
            case "label": result.label = try reader.string(value, what: "the label")
            case "feedback": result.feedback = try reader.string(value, what: "the feedback")
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
                    switch patterns.parse(text, line: item.mark?.line ?? 1) {
                    case .success(let pattern): if isException { result.exceptions.append(pattern) } else { result.patterns.append(pattern) }
                    case .failure(let problem): problems.append(reader.error(item, problem.message))
                    }
                }
            default: problems.append(reader.error(keyNode, "unknown key '\(key)'; expected label, kind, feedback, questions or patterns"))
            }
        }
        if result.patterns.isEmpty { problems.append(reader.error(node, "category '\(id)' has no patterns")) }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return result
    }

    private static func criterion(_ node: Node, reader: YAMLReader) throws(DiagnosticList) -> Criterion {
        var id = "", name = "", tip = "", appliesTo: [String] = []
        var order: [String]?, good: [String] = [], bad: [String] = [], avoid: [String]?
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
            default: throw DiagnosticList([reader.error(keyNode, "unknown key '\(key)'; expected id, name, tip, applies, order, good, bad or avoid")])
            }
        }
        guard !id.isEmpty, !name.isEmpty, !tip.isEmpty else { throw DiagnosticList([reader.error(node, "a criterion needs an id, a name and a tip")]) }
        let rule: Rule
        if let order { rule = .order(order) } else if let avoid { rule = .avoid(avoid) } else if !good.isEmpty {
            rule = .evidence(good: good, bad: bad)
        } else {
            throw DiagnosticList([reader.error(node, "criterion '\(id)' needs 'order', 'avoid' or 'good'")])
        }
        return Criterion(id: id, name: name, rule: rule, appliesTo: appliesTo, tip: tip)
    }
}
