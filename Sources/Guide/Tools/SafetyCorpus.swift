import Foundation
import TextReading
import YarnScript

/// A labelled corpus of messages (`lang<TAB>category<TAB>text`, as in
/// `../shared/domain/corpora/`), run through real conversations to count what the safety net
/// did with each: the crisis answer, the check question (and whether "ja" to it reached the
/// crisis answer), or neither.
public enum SafetyCorpus {
    /// One labelled message.
    public struct Line: Sendable {
        public var language: Language
        public var category: String
        public var text: String
        /// Where it is written, for messages about it.
        public var location: SourceLocation

        public init(language: Language, category: String, text: String, location: SourceLocation) {
            self.language = language
            self.category = category
            self.text = text
            self.location = location
        }
    }

    /// What a conversation did with a message.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The crisis answer at once (about the writer, or someone else in danger).
        case crisis
        /// The check question, and "ja" to it gave the crisis answer.
        case check
        /// Acknowledged as someone else's death, with no crisis answer.
        case aboutSomeoneElse = "about-someone-else"
        /// Answered as any other message.
        case neither
    }

    /// A message and what happened to it.
    public struct Result: Sendable {
        public var line: Line
        public var outcome: Outcome
        /// For a check: whether answering yes reached the crisis answer.
        public var yesReachedCrisis: Bool
    }

    /// Reads a corpus file; malformed lines are reported as `file:line:col: error: ...`.
    public static func read(file: String) throws(DiagnosticList) -> [Line] {
        let text: String
        do {
            text = try SourceFile.load(path: file).text
        } catch {
            throw DiagnosticList([error])
        }
        var lines: [Line] = []
        var problems: [Diagnostic] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard !row.hasPrefix("#"), !row.trimmingSpaces.isEmpty else { continue }
            let location = SourceLocation(file: file, line: index + 1, column: 1)
            let fields = row.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let language = Language(rawValue: String(fields[0])),
                Language.sources.contains(language), !fields[1].isEmpty
            else {
                problems.append(
                    Diagnostic(.error, at: location, "expected lang<TAB>category<TAB>text, with lang nl or en"))
                continue
            }
            lines.append(
                Line(language: language, category: String(fields[1]), text: String(fields[2]), location: location))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return lines
    }

    /// Runs every message through a new conversation in its language (at the first question
    /// of the guide, as a person would type it).
    public static func run(_ lines: [Line], content: GuideContent, region: Region = .nl) -> [Result] {
        lines.map { run($0, content: content, region: region) }
    }

    private static func run(_ line: Line, content: GuideContent, region: Region) -> Result {
        var conversation = Conversation(
            content: content, language: line.language, region: region, seed: 1,
            today: DayDate(iso: "2026-11-02") ?? .today())
        _ = conversation.start()
        // Read as the conversation reads it before answering, not in the state the answer leaves.
        let sanitized = TextNormalizer.sanitized(line.text)
        let intent = conversation.route(sanitized)
        let reply = conversation.respond(toSanitized: sanitized, as: intent)
        switch reply.safety {
        case .crisis?:
            return Result(line: line, outcome: .crisis, yesReachedCrisis: false)
        case .check?:
            let yes = conversation.choose(option: 0)
            return Result(line: line, outcome: .check, yesReachedCrisis: yes.safety == .crisis)
        case nil:
            if case .aboutSomeoneElse = intent {
                return Result(line: line, outcome: .aboutSomeoneElse, yesReachedCrisis: false)
            }
            return Result(line: line, outcome: .neither, yesReachedCrisis: false)
        }
    }

    /// Counts per language and category: how many, and how many of each outcome.
    public static func table(_ results: [Result]) -> String {
        var rows: [String: [Outcome: Int]] = [:]
        var order: [String] = []
        for result in results {
            let key = "\(result.line.language.rawValue) \(result.line.category)"
            if rows[key] == nil { order.append(key) }
            rows[key, default: [:]][result.outcome, default: 0] += 1
        }
        let header = ["", "n"] + Outcome.allCases.map(\.rawValue)
        var table = [header]
        for key in order {
            let counts = rows[key] ?? [:]
            table.append([key, "\(counts.values.reduce(0, +))"] + Outcome.allCases.map { "\(counts[$0] ?? 0)" })
        }
        let totals = Outcome.allCases.map { outcome in results.filter { $0.outcome == outcome }.count }
        table.append(["all", "\(results.count)"] + totals.map(String.init))
        return TextTable.render(table)
    }
}
