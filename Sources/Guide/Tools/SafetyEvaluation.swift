import Foundation
import TextReading
import YarnScript

/// The safety net judged on lines it was not trained on: each labelled line run through a
/// real conversation whose learned reader was trained on every file but the line's own
/// (``SafetyTraining/crossValidate(_:net:trainer:bits:)``), counted per file and per category.
///
/// The rules are the same for every line, and were written next to some of the files (the
/// report names them): their figures there measure memory, the others understanding.
public struct SafetyEvaluation: Sendable {
    /// A line and what its conversation did with it.
    public struct Outcome: Sendable {
        public var line: LabelledText
        public var result: SafetyCorpus.Outcome
        /// For a check question: whether "ja" to it reached the crisis answer.
        public var yesReachedCrisis: Bool

        /// Whether the conversation reached the crisis answer, directly or after "ja".
        public var reachedCrisis: Bool { result == .crisis || (result == .check && yesReachedCrisis) }
    }

    public var outcomes: [Outcome]
    /// The threshold the held-out models asked from.
    public var threshold: Float

    /// Runs every line with its held-out model, asking from `threshold`.
    public init(
        lines: [LabelledText], models: [String: LinearModel], threshold: Float, content: GuideContent,
        region: Region = .nl
    ) {
        var outcomes: [Outcome] = []
        for (group, model) in models.sorted(by: { $0.key < $1.key }) {
            var model = model
            model.threshold = threshold
            let reader = try? LearnedReader(model: model, clauseVocabulary: content.safetyNet.clauseVocabulary)
            let held = content.with(safetyNet: content.safetyNet.with(learnedReader: reader))
            for line in lines where line.group == group {
                guard let language = Language(rawValue: line.language) else { continue }
                let corpusLine = SafetyCorpus.Line(
                    language: language, category: line.category, text: line.text,
                    location: SourceLocation(file: group, line: 0, column: 0))
                let result = SafetyCorpus.run([corpusLine], content: held, region: region)[0]
                outcomes.append(Outcome(line: line, result: result.outcome, yesReachedCrisis: result.yesReachedCrisis))
            }
        }
        self.outcomes = outcomes
        self.threshold = threshold
    }

    /// Figures for a set of outcomes.
    public struct Figures: Sendable {
        public var crisisLines = 0
        public var reached = 0
        public var direct = 0
        public var negatedLines = 0
        public var negatedAsked = 0
        public var ordinaryLines = 0
        public var ordinaryCrisis = 0
        public var ordinaryCheck = 0
        public var everydayLines = 0
        public var everydayCrisis = 0
        public var everydayCheck = 0
        public var talkLines = 0
        public var talkCrisis = 0
        public var talkCheck = 0

        init(_ outcomes: some Sequence<Outcome>) {
            for outcome in outcomes {
                let category = outcome.line.category
                if SafetyTraining.crisisCategories.contains(category) {
                    crisisLines += 1
                    if outcome.reachedCrisis { reached += 1 }
                    if outcome.result == .crisis { direct += 1 }
                } else if category == "negated" {
                    negatedLines += 1
                    if outcome.result == .crisis || outcome.result == .check { negatedAsked += 1 }
                } else if category == "practice" {
                    talkLines += 1
                    if outcome.result == .crisis { talkCrisis += 1 }
                    if outcome.result == .check { talkCheck += 1 }
                } else if SafetyTraining.everydayCategories.contains(category) {
                    everydayLines += 1
                    if outcome.result == .crisis { everydayCrisis += 1 }
                    if outcome.result == .check { everydayCheck += 1 }
                } else {
                    ordinaryLines += 1
                    if outcome.result == .crisis { ordinaryCrisis += 1 }
                    if outcome.result == .check { ordinaryCheck += 1 }
                }
            }
        }
    }

    /// The figures of all lines, or of one group.
    public func figures(group: String? = nil) -> Figures {
        Figures(outcomes.filter { group == nil || $0.line.group == group })
    }

    /// Crisis lines that did not reach the crisis answer, and ordinary lines that got it or the
    /// check question: what to read next.
    public var misses: (crisis: [LabelledText], ordinary: [(LabelledText, SafetyCorpus.Outcome)]) {
        let crisis = outcomes.filter { SafetyTraining.crisisCategories.contains($0.line.category) && !$0.reachedCrisis }
        let ordinary = outcomes.filter {
            !$0.line.label && $0.line.category != "practice" && ($0.result == .crisis || $0.result == .check)
        }
        return (crisis.map(\.line), ordinary.map { ($0.line, $0.result) })
    }

    /// The report: per file, then per category, held-out figures.
    public func report() -> String {
        var rows: [[String]] = [
            [
                "file", "crisis lines", "reached", "direct", "hard ordinary", "crisis", "check", "everyday", "crisis",
                "check", "negated asked", "practice talk asked",
            ]
        ]
        for group in Set(outcomes.map(\.line.group)).sorted() {
            rows.append(row(group, figures(group: group)))
        }
        rows.append(row("all", figures()))
        var categories: [[String]] = [["category", "n", "reached / crisis", "check"]]
        for category in Set(outcomes.map(\.line.category)).sorted() where category != "practice" {
            let figures = Figures(outcomes.filter { $0.line.category == category })
            if SafetyTraining.crisisCategories.contains(category) {
                categories.append([
                    category, "\(figures.crisisLines)", percent(figures.reached, figures.crisisLines), "",
                ])
            } else if category == "negated" {
                categories.append([
                    category, "\(figures.negatedLines)", "", percent(figures.negatedAsked, figures.negatedLines),
                ])
            } else {
                let lines = figures.ordinaryLines + figures.everydayLines
                categories.append([
                    category, "\(lines)", percent(figures.ordinaryCrisis + figures.everydayCrisis, lines),
                    percent(figures.ordinaryCheck + figures.everydayCheck, lines),
                ])
            }
        }
        return "held out by file (threshold \(SafetyNet.formatted(threshold))):\n" + TextTable.render(rows)
            + "per category (crisis: reached the crisis answer, directly or after 'ja'; ordinary: got the crisis answer / the check question):\n"
            + TextTable.render(categories)
    }

    private func row(_ name: String, _ figures: Figures) -> [String] {
        [
            name, "\(figures.crisisLines)", percent(figures.reached, figures.crisisLines),
            percent(figures.direct, figures.crisisLines), "\(figures.ordinaryLines)",
            percent(figures.ordinaryCrisis, figures.ordinaryLines),
            percent(figures.ordinaryCheck, figures.ordinaryLines),
            "\(figures.everydayLines)", percent(figures.everydayCrisis, figures.everydayLines),
            percent(figures.everydayCheck, figures.everydayLines), percent(figures.negatedAsked, figures.negatedLines),
            percent(figures.talkCheck + figures.talkCrisis, figures.talkLines),
        ]
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : "\(part) (\(Int((Double(part) * 100 / Double(whole)).rounded()))%)"
    }
}
