/// The end of a practice scenario: each criterion of BRIEF §7 judged from the trainee's own
/// turns, with their lines as examples, and one concrete thing to try next time.
public struct Debrief: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case met, partly
        case notYet = "not_yet"
        /// The scenario was stopped before this could come up.
        case notReached = "not_reached"
        case notApplicable = "not_applicable"
    }

    /// One criterion and how it went.
    public struct Item: Hashable, Sendable {
        public var criterion: String
        public var status: Status
        /// The trainee's lines that show it, each with what it did (`"..." (open question)`).
        public var examples: [String]
    }

    /// The scenario practised.
    public var scenario: String
    public var items: [Item]
    /// One thing to try next time: the tip of the first criterion not yet met.
    public var tip: String?

    /// Judges the turns of one scenario by the lexicon's criteria; `kinds` names the scenario's
    /// kind (`talk1`, `checkin`, `referral-due` ...), which decides which criteria apply. When
    /// the scenario was stopped before its end (`isComplete` false), a criterion with nothing
    /// to show yet is "not reached", not "not yet".
    public init(
        scenario: String, turns: [PracticeTurn], kinds: Set<String>, lexicon: PracticeLexicon, isComplete: Bool = true
    ) {
        self.scenario = scenario
        var items: [Item] = []
        var tips: [(Status, String)] = []
        // A criterion may be written more than once, for different kinds of scenario: the
        // first that applies counts; when none does, it is not part of this scenario.
        var ids: [String] = []
        for criterion in lexicon.criteria where !ids.contains(criterion.id) { ids.append(criterion.id) }
        for id in ids {
            let variants = lexicon.criteria.filter { $0.id == id }
            guard
                let criterion = variants.first(where: { $0.appliesTo.isEmpty || !kinds.isDisjoint(with: $0.appliesTo) })
            else {
                items.append(Item(criterion: variants[0].name, status: .notApplicable, examples: []))
                continue
            }
            var (status, shown) = Self.judge(criterion.rule, turns: turns)
            if case .credit = criterion.rule, shown.isEmpty { continue }
            if status == .notYet, shown.isEmpty, !isComplete { status = .notReached }
            let examples = shown.prefix(3).map { turn, category in
                "\"\(turn.text)\" (\(lexicon.category(category)?.label ?? category))"
            }
            items.append(Item(criterion: criterion.name, status: status, examples: Array(examples)))
            if status == .notYet || status == .partly { tips.append((status, criterion.tip(in: kinds))) }
        }
        self.items = items
        tip = (tips.first { $0.0 == .notYet } ?? tips.first)?.1
    }

    /// How a rule came out, and the turns (with the category) that show it.
    private static func judge(_ rule: PracticeLexicon.Judgement, turns all: [PracticeTurn]) -> (
        Status, [(PracticeTurn, String)]
    ) {
        func turns(with categories: [String]) -> [(PracticeTurn, String)] {
            all.compactMap { turn in categories.first { turn.categories.contains($0) }.map { (turn, $0) } }
        }
        switch rule {
        case .order(let steps):
            // The steps asked, in the order of the turns: all in their order is met, some in
            // their order partly; a later step before an earlier one is not yet, however many
            // were asked (question 3 first is not the method).
            let firsts = steps.map { step in all.firstIndex { $0.categories.contains(step) } }
            let asked = firsts.compactMap { $0 }
            let shown = turns(with: steps)
            if asked.isEmpty { return (.notYet, []) }
            // A step left out is partly; a step asked before one that comes earlier is not yet.
            let inOrder = asked == asked.sorted()
            guard inOrder else { return (.notYet, shown) }
            return (asked.count == steps.count ? .met : .partly, shown)
        case .evidence(let good, let bad):
            let positive = turns(with: good)
            let negative = turns(with: bad)
            if positive.isEmpty { return (.notYet, negative) }
            return (negative.isEmpty ? .met : .partly, positive + negative)
        case .credit(let categories):
            let positive = turns(with: categories)
            return (positive.isEmpty ? .notApplicable : .met, positive)
        case .avoid(let bad, let shownBy):
            // Met only when a turn showed the better way; a mistake with nothing better beside
            // it is not yet; nothing that touched it is not reached (not a free pass).
            let negative = turns(with: bad)
            let positive = turns(with: shownBy).filter { turn, _ in !negative.contains { $0.0 == turn } }
            switch (positive.isEmpty, negative.isEmpty) {
            case (true, true): return (.notReached, [])
            case (false, true): return (.met, positive)
            case (true, false): return (.notYet, negative)
            case (false, false): return (.partly, negative + positive)
            }
        }
    }

    /// The debrief for the terminal, one line per entry.
    public func lines(_ lexicon: PracticeLexicon) -> [String] {
        var lines = ["\(lexicon.text("debrief_title")): \(scenario)"]
        for item in items {
            lines.append("- \(item.criterion): \(lexicon.text(item.status.rawValue))")
            lines += item.examples.map { "    \($0)" }
        }
        if let tip { lines.append("\(lexicon.text("try_next")): \(tip)") }
        return lines
    }

    /// The debrief as Markdown, for a trainer.
    public func markdown(_ lexicon: PracticeLexicon, turns: [PracticeTurn]) -> String {
        var lines = ["# \(lexicon.text("report_title"))", "", "\(lexicon.text("scenario")): \(scenario)", ""]
        lines += ["| | |", "|---|---|"]
        lines += items.map { "| \($0.criterion) | \(lexicon.text($0.status.rawValue)) |" }
        for item in items where !item.examples.isEmpty {
            lines += ["", "## \(item.criterion)", ""]
            lines += item.examples.map { "- \($0)" }
        }
        if let tip { lines += ["", "## \(lexicon.text("try_next"))", "", tip] }
        lines += ["", "## \(lexicon.text("turns"))", ""]
        lines += turns.enumerated().map { index, turn in
            "\(index + 1). \(turn.text)"
                + (turn.categories.isEmpty
                    ? "" : " (\(turn.categories.map { lexicon.category($0)?.label ?? $0 }.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One turn of the trainee: what they said (or the candidate they chose) and the moves in it.
public struct PracticeTurn: Hashable, Sendable {
    public var text: String
    public var findings: [PracticeLexicon.Finding]

    public var categories: [String] { findings.map(\.category) }
}
