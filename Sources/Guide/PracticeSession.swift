import DialogueRuntime

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
    /// The trainee's turns in the scenario under way.
    public private(set) var turns: [PracticeTurn] = []
    /// The last debrief shown, with the turns it judged.
    public private(set) var lastDebrief: (debrief: Debrief, turns: [PracticeTurn])?

    /// The node practice starts at: the choice of scenario.
    public static let startNode = "Practice"

    public init(content: GuideContent, settings: ConversationSettings) {
        conversation = Conversation(content: content, settings: settings)
        conversation.listenerIsRolePlayed = true
        lexicon = content.practice[settings.language]
    }

    public mutating func start() -> Reply {
        turns = []
        return conversation.start(at: Self.startNode)
    }

    /// Answers the trainee: their move in a scenario, or anything else (a menu choice, a
    /// command, a crisis phrase) as the conversation answers it.
    public mutating func respond(to input: String) -> Reply {
        let answer = TextNormalizer.sanitized(input)
        let command = conversation.content.commands.command(in: answer)
        let moves = conversation.optionTags.map { tags in tags.compactMap { $0.hasPrefix("move:") ? String($0.dropFirst(5)) : nil } }
        if command == .stop, !turns.isEmpty {
            return debriefed(conversation.respond(to: input), debriefFirst: true)
        }
        if command == .restart { return start() }
        guard moves.contains(where: { !$0.isEmpty }), command == nil, !conversation.route(answer).isSafety else {
            return debriefed(conversation.respond(to: input))
        }
        let options = conversation.state.prompt.options.map(\.text)
        let freeText = conversation.state.prompt.freeText?.option
        let turn: PracticeTurn
        let chosen: Int
        if let index = OptionMatcher.match(answer, in: options), index != freeText {
            chosen = index
            turn = PracticeTurn(text: options[index], findings: moves[index].map { .init(category: $0, reason: lexicon.text("chosen")) })
        } else {
            turn = PracticeTurn(text: answer, findings: lexicon.classify(answer))
            guard let index = reaction(to: turn, moves: moves) ?? freeText else { return debriefed(conversation.respond(to: input)) }
            chosen = index
        }
        turns.append(turn)
        var reply = conversation.choose(option: chosen, text: answer)
        reply.messages = feedback(on: turn) + reply.messages
        return debriefed(reply)
    }

    /// Ctrl-D: the debrief of what was practised, then goodbye.
    public mutating func endOfInput() -> Reply {
        debriefed(conversation.endOfInput(), debriefFirst: !turns.isEmpty)
    }

    public mutating func effectFailed() -> Reply {
        conversation.effectFailed()
    }

    /// The candidate whose move the trainee's own words make, so the colleague reacts to it:
    /// a mistake first (the colleague feels it most), then a good move.
    private func reaction(to turn: PracticeTurn, moves: [[String]]) -> Int? {
        let found = turn.categories.sorted { lexicon.category($0)?.kind == .mistake && lexicon.category($1)?.kind != .mistake }
        for category in found {
            if let index = moves.firstIndex(where: { $0.contains(category) }) { return index }
        }
        return nil
    }

    /// A short, specific word of feedback: each move found, with why.
    private func feedback(on turn: PracticeTurn) -> [MarkedUpText] {
        guard !turn.findings.isEmpty else { return [MarkedUpText(text: "\(lexicon.text("feedback")): \(lexicon.text("no_category"))")] }
        return turn.findings.map { finding in
            let category = lexicon.category(finding.category)
            return MarkedUpText(text: "\(lexicon.text("feedback")): \(category?.label ?? finding.category). \(category?.feedback ?? "") [\(finding.reason)]")
        }
    }

    /// Puts the debrief in the reply when the scenario asked for it (or `debriefFirst`).
    private mutating func debriefed(_ reply: Reply, debriefFirst: Bool = false) -> Reply {
        var reply = reply
        let asked = reply.effects.contains(.debrief)
        guard asked || debriefFirst else { return reply }
        reply.effects.removeAll { $0 == .debrief }
        let variables = conversation.state.dialogue.variables
        let kinds = Set((variables["$oefen_soort"]?.text ?? "").split(separator: " ").map(String.init))
        let debrief = Debrief(scenario: variables["$oefen_scenario"]?.text ?? "", turns: turns, kinds: kinds, lexicon: lexicon)
        lastDebrief = (debrief, turns)
        turns = []
        let lines = debrief.lines(lexicon).map { MarkedUpText(text: $0) }
        if debriefFirst {
            reply.messages = lines + reply.messages
        } else {
            // Before the question that follows it, which stays last (it is shown again on "help").
            reply.messages.insert(contentsOf: lines, at: reply.expects == .none ? reply.messages.count : max(0, reply.messages.count - 1))
        }
        return reply
    }
}
