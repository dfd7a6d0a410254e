import DialogueRuntime
import TextReading

/// `gids practice`: a role-play in which gids plays a colleague and the trainee is the peer
/// supporter. Each of the trainee's turns is a set of candidate responses (options tagged
/// `#move:CATEGORY` in the scenario's dialogue) or their own words (the option tagged
/// `#freetext:...`), classified by the language's ``PracticeLexicon``. The colleague reacts
/// to the move; the trainee gets a word of feedback with the reason, and a ``Debrief`` at
/// the end of the scenario (`<<debrief>>`) or on "stop".
///
/// It drives the same ``Conversation`` as every other door: the safety net comes first, so
/// a real crisis phrase typed in practice gets the real crisis answer; a question put to the
/// simulated colleague about suicide is a move practised.
public struct PracticeSession: Sendable {
    public private(set) var conversation: Conversation
    public let lexicon: PracticeLexicon
    /// The learned reader of moves, read beside the lexicon's patterns; nil without one.
    let reader: PracticeReader?
    /// The trainee's turns in the scenario under way.
    public private(set) var turns: [PracticeTurn] = []
    /// Every debrief shown in this session, in order, each with the turns it judged.
    public private(set) var debriefs: [(debrief: Debrief, turns: [PracticeTurn])] = []
    /// The last debrief shown, with the turns it judged.
    public var lastDebrief: (debrief: Debrief, turns: [PracticeTurn])? { debriefs.last }

    /// Every debrief of the session as one Markdown report for a trainer, in the order they
    /// were shown (`--report`); nil when no scenario got as far as a debrief.
    public var report: String? {
        guard !debriefs.isEmpty else { return nil }
        return debriefs.map { $0.debrief.markdown(lexicon, turns: $0.turns) }.joined(separator: "\n")
    }

    /// The move of asking directly about suicide.
    static let askSuicideMove = "ask_suicide"

    public init(content: GuideContent, practice: PracticeContent, settings: ConversationSettings) {
        conversation = Conversation(content: content, settings: settings)
        conversation.listenerIsRolePlayed = true
        conversation.goodbyeNode = .practiceGoodbye
        lexicon = practice.lexicons[content.languages.source(of: settings.language)]
        reader = practice.reader
    }

    public mutating func start() -> Reply {
        turns = []
        return shuffled(conversation.start(at: .practice))
    }

    /// Answers the trainee: their move in a scenario, or anything else (a menu choice, a
    /// command, a crisis phrase) as the conversation answers it.
    public mutating func respond(to input: String) -> Reply {
        let answer = TextNormalizer.sanitized(input)
        let command = conversation.content.commands.command(in: answer)
        let moves = conversation.optionTags.map { tags in
            tags.compactMap { $0.hasPrefix("move:") ? String($0.dropFirst(5)) : nil }
        }
        if command == .stop, !turns.isEmpty {
            return debriefed(conversation.respond(to: input), debriefFirst: true)
        }
        if command == .restart { return start() }
        if command == .back, !turns.isEmpty, !conversation.state.history.isEmpty {
            // A turn taken back is not judged.
            turns.removeLast()
        }
        let intent = conversation.route(answer)
        guard moves.contains(where: { !$0.isEmpty }), command == nil, !intent.isSafety else {
            return shuffled(debriefed(conversation.respond(toSanitized: answer, as: intent)))
        }
        let options = conversation.state.prompt.options.map(\.text)
        let freeText = conversation.state.prompt.freeText?.option
        if OptionMatcher.number(in: answer) != nil, Self.chosen(answer, in: options) == nil {
            // A number that is not there: the conversation says which numbers there are.
            return conversation.respond(toSanitized: answer, as: intent)
        }
        let turn: PracticeTurn
        let chosen: Int
        if let index = Self.chosen(answer, in: options), index != freeText {
            chosen = index
            // A candidate is judged like the same words typed, plus what its author tagged it with.
            var findings = lexicon.classify(options[index])
            findings += moves[index].filter { move in !findings.contains { $0.category == move } }.map {
                .init(category: $0, reason: lexicon.text("chosen"))
            }
            turn = PracticeTurn(text: options[index], findings: findings)
        } else {
            // The trainee's own words: judged as written, never taken for a candidate that
            // shares some of them.
            turn = PracticeTurn(
                text: answer,
                findings: lexicon.read(
                    answer, reader: reader, net: conversation.content.safetyNet))
            if turn.categories.contains(Self.askSuicideMove) {
                // The colleague answers the question itself, and the trainee goes on from the same moment.
                turns.append(turn)
                let answer = feedback(on: turn) + conversation.say(.practiceAskedDirectly)
                return conversation.reshowingPrompt(after: answer)
            }
            guard let freeText else { return debriefed(conversation.respond(toSanitized: answer, as: intent)) }
            chosen = freeText
            // The colleague answers the kind of move made (the scenario's replies per move).
            let reaction = reaction(to: turn)
            conversation.set(.reactionKind, .string(reaction?.kind.rawValue ?? ""))
            conversation.set(.reactionMove, .string(reaction?.move ?? ""))
        }
        var reply = conversation.choose(option: chosen, text: turn.text)
        reply.messages = feedback(on: turn) + reply.messages
        turns.append(turn)
        return shuffled(debriefed(reply))
    }

    /// The candidate a trainee chose: by its number, or by typing its whole text (case,
    /// accents and punctuation aside). Nothing less chooses it: typed words that share
    /// words with a candidate are the trainee's own.
    public static func chosen(_ answer: String, in options: [String]) -> Int? {
        if let number = OptionMatcher.number(in: answer) {
            return options.indices.contains(number - 1) ? number - 1 : nil
        }
        let folded = TextNormalizer.folded(answer)
        guard !folded.isEmpty else { return nil }
        return options.firstIndex { TextNormalizer.folded($0) == folded }
    }

    /// The scenario's kinds (`talk1`, `talk2`, `checkin` ...), as the dialogue set them.
    private var kinds: Set<String> {
        Set(conversation.string(.practiceKinds).split(separator: " ").map(String.init))
    }

    /// The candidates of a practice turn in an order of their own for this session's seed, so
    /// that the good answer is not always the first; the trainee's own words stay last.
    private mutating func shuffled(_ reply: Reply) -> Reply {
        var prompt = conversation.state.prompt
        guard prompt.optionTags.contains(where: { $0.contains { $0.hasPrefix("move:") } }) else { return reply }
        let free = prompt.freeText?.option
        let seed = conversation.state.settings.seed &+ UInt64(turns.count)
        let order =
            prompt.options.indices.filter { $0 != free }.sorted {
                Self.rank(prompt.options[$0].text, seed) < Self.rank(prompt.options[$1].text, seed)
            }
            + (free.map { [$0] } ?? [])
        prompt.options = order.map { prompt.options[$0] }
        prompt.optionIndices = order.map { prompt.optionIndices[$0] }
        prompt.optionTags = order.map { prompt.optionTags[$0] }
        if let free { prompt.freeText?.option = order.firstIndex(of: free) ?? free }
        conversation.state.prompt = prompt
        var reply = reply
        reply.options = prompt.options
        return reply
    }

    /// A number for a candidate's text under a seed (FNV-1a), the same on every machine and run.
    private static func rank(_ text: String, _ seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    /// Ctrl-D: the debrief of what was practised, then goodbye.
    public mutating func endOfInput() -> Reply {
        debriefed(conversation.endOfInput(), debriefFirst: !turns.isEmpty)
    }

    public mutating func effectFinished(_ outcome: EffectOutcome, continuing reply: Reply) -> Reply {
        shuffled(debriefed(conversation.effectFinished(outcome, continuing: reply)))
    }

    public mutating func effectFailed() -> Reply {
        conversation.effectFailed()
    }

    /// The move the colleague reacts to in the trainee's own words, and what it is in this
    /// scenario: a mistake first (the colleague feels it most), then a good move, then any.
    private func reaction(to turn: PracticeTurn) -> (move: String, kind: PracticeLexicon.Kind)? {
        let judged = turn.categories.map { ($0, judgedKind(of: $0, in: turn)) }
        return judged.first { $0.1 == .mistake } ?? judged.first { $0.1 == .good } ?? judged.first
    }

    /// What a move is at this moment: its kind in this scenario, and a question of an ordered
    /// set (the three questions) asked before the ones that come first is a mistake.
    private func judgedKind(of move: String, in turn: PracticeTurn) -> PracticeLexicon.Kind {
        if isOutOfOrder(move, in: turn) { return .mistake }
        return lexicon.kind(of: move, in: kinds) ?? .neutral
    }

    /// Whether a move is a later step of an ordered criterion of this scenario whose earlier
    /// steps no turn has taken yet (question 3 before questions 1 and 2).
    private func isOutOfOrder(_ move: String, in turn: PracticeTurn) -> Bool {
        let kinds = self.kinds
        let asked = Set((turns + [turn]).flatMap(\.categories))
        for criterion in lexicon.criteria
        where criterion.appliesTo.isEmpty || !kinds.isDisjoint(with: criterion.appliesTo) {
            guard case .order(let steps) = criterion.rule, let position = steps.firstIndex(of: move) else { continue }
            if steps[..<position].contains(where: { !asked.contains($0) }) { return true }
        }
        return false
    }

    /// A short, specific word of feedback: each move found, and what it does in this kind of
    /// talk. Which words matched which pattern is for trainers (`--explain`), not trainees.
    private func feedback(on turn: PracticeTurn) -> [MarkedUpText] {
        guard !turn.findings.isEmpty else {
            return [MarkedUpText(text: "\(lexicon.text("feedback")): \(lexicon.text("no_category"))")]
        }
        let kinds = self.kinds
        return turn.findings.map { finding in
            let label = lexicon.category(finding.category)?.label ?? finding.category
            let feedback =
                isOutOfOrder(finding.category, in: turn)
                ? lexicon.text("out_of_order") : lexicon.feedback(for: finding.category, in: kinds)
            return MarkedUpText(text: "\(lexicon.text("feedback")): \(label). \(feedback)")
        }
    }

    /// Puts the debrief in the reply when the scenario asked for it (or `debriefFirst`).
    private mutating func debriefed(_ reply: Reply, debriefFirst: Bool = false) -> Reply {
        var reply = reply
        let asked = reply.effects.contains(.debrief)
        guard asked || debriefFirst else { return reply }
        reply.effects.removeAll { $0 == .debrief }
        // Asked by the scenario: it ran to its end. Otherwise it was stopped before, and what
        // had no chance yet is "not reached".
        let debrief = Debrief(
            scenario: conversation.string(.practiceScenario), turns: turns, kinds: kinds, lexicon: lexicon,
            isComplete: asked && !debriefFirst)
        debriefs.append((debrief, turns))
        turns = []
        let lines = debrief.lines(lexicon).map { MarkedUpText(text: $0) }
        if debriefFirst {
            reply.messages = lines + reply.messages
        } else {
            // Before the question that follows it, which stays last (it is shown again on "help").
            reply.messages.insert(
                contentsOf: lines, at: reply.expects == .none ? reply.messages.count : max(0, reply.messages.count - 1))
        }
        return reply
    }
}
