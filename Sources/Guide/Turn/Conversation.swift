import DialogueRuntime
import Foundation
import TextReading

/// One person's conversation with the guide: the dialogue, plus what holds in every
/// state: the safety net first, then the commands (stop, back, restart, help, crisis),
/// then the answer to what was asked.
///
/// Every door drives this same type, so a behaviour fixed here is fixed everywhere.
public struct Conversation: Sendable {
    public let content: GuideContent
    public internal(set) var state: ConversationState
    let machine: VirtualMachine
    let resolver: LineResolver
    /// Carries out, during the turn, what the person is then told worked or not: the
    /// terminal sets it (remembering in its data folder, writing a summary file), so no
    /// save is claimed before it is done. Without it those effects come with the reply.
    public var performer: (@Sendable (Effect) -> EffectOutcome)?

    /// The node said on "stop" and Ctrl-D: practice ends with its own words.
    public var goodbyeNode = HostNode.goodbye

    /// The most messages, and text bytes, one reply may carry, and the most times the dialogue
    /// may be resumed after host commands in one turn: a dialogue that loops is stopped, the
    /// person gets the failure answer (with the crisis lines), and the operator a problem.
    public static let maximumMessages = 200
    public static let maximumReplyBytes = 64 * 1024
    static let maximumResumes = 1_000
    /// How long the dialogue may run in one turn: each step of it is bounded by the virtual
    /// machine's limits, and this bounds them all together.
    public static let maximumTurnDuration: Duration = .seconds(1)

    /// The longest free-text answer kept; the rest is dropped.
    public static let maximumAnswerLength = 500

    /// A new conversation. A nil region is asked by the dialogue.
    public init(content: GuideContent, settings: ConversationSettings) {
        let dialogue = DialogueState(seed: settings.seed, saliency: .randomBestLeastRecentlySeen)
        self.init(content: content, state: ConversationState(settings: settings, dialogue: dialogue))
        setHostVariables()
    }

    /// A new conversation today, remembering nothing.
    public init(content: GuideContent, language: Language, region: Region?, seed: UInt64, today: DayDate = .today()) {
        self.init(
            content: content,
            settings: ConversationSettings(language: language, region: region, seed: seed, today: today))
    }

    /// A conversation continued from a saved state.
    public init(content: GuideContent, state: ConversationState) {
        self.content = content
        self.state = state
        resolver =
            content.resolvers[state.language] ?? LineResolver(program: Program(), locale: state.language.rawValue)
        var machine = VirtualMachine(program: resolver.program, library: content.functions)
        machine.waitingCommands = HostCommand.names
        self.machine = machine
    }

    /// Starts the conversation at one of the nodes gids starts itself, up to the first question.
    public mutating func start(at node: HostNode) -> Reply {
        start(atNode: node.rawValue)
    }

    /// Starts the conversation at any node of the dialogue, up to the first question.
    public mutating func start(atNode node: String) -> Reply {
        state.history.removeAll()
        state.interrupted = nil
        return run(.start(node: node))
    }

    /// Answers what the person typed: the router decides first (crisis, check, someone
    /// else, command), then it is an answer to what was asked.
    public mutating func respond(to input: String) -> Reply {
        let answer = TextNormalizer.sanitized(input)
        switch route(answer) {
        case .crisis, .command(.crisis): return interrupt(with: .crisis)
        case .someoneElseInDanger: return interrupt(with: .someoneElseInDanger)
        case .check(let assessment):
            askedCategories.insert(assessment.category ?? "")
            return interrupt(with: .safetyCheck)
        case .aboutSomeoneElse where !hearsDeathAsAnswer:
            // An answer in the person's own words is kept as the answer it is; the offer comes
            // before what follows it.
            if !state.isFinished, state.prompt.textVariable != nil || state.prompt.freeText != nil {
                _ = answering(answer)
            }
            return interrupt(with: .aboutSomeoneElse)
        case .aboutSomeoneElse:
            // Told while talking about the event, or in the check-in: heard, and taken as the
            // answer it is. The check-in's questions run on; it offers the event path at its end.
            set(.deathHeard, .bool(true))
            let heard = say(.aboutSomeoneElseHeard)
            var reply = answering(answer)
            reply.messages = heard + reply.messages
            return reply
        case .command(.stop): return goodbye()
        case .command(.restart): return restart()
        case .command(.back): return back()
        case .command(.help): return reshowingPrompt(after: say(.help))
        case .command(.forget): return forgettingEverything()
        case .answer: return answering(answer)
        }
    }

    /// What the router makes of a (sanitised) message in this conversation.
    public func route(_ answer: String) -> IntentRouter.Intent {
        content.router.intent(
            of: answer,
            in: IntentRouter.Context(
                askedCategories: askedCategories, listenerIsRolePlayed: listenerIsRolePlayed,
                isChoice: OptionMatcher.match(answer, in: state.prompt.options.map(\.text)) != nil))
    }

    /// In practice the one the person addresses is played by gids: a question to them about
    /// suicide is practice, not the person's crisis. Never stored: practice is not kept.
    public var listenerIsRolePlayed = false

    /// The answer to what was asked.
    private mutating func answering(_ answer: String) -> Reply {
        guard !state.isFinished else { return state.prompt.reply }
        let prompt = state.prompt
        if let variable = prompt.textVariable {
            guard !answer.isEmpty else { return reshowingPrompt(after: say(.repromptText)) }
            remember()
            // After a content update that edited this node, the answer is not kept: the node
            // starts again and the person is told their answer was not used.
            if machine.standsInCurrentContent(state.dialogue) {
                state.dialogue.variables[variable] = .string(String(answer.prefix(Self.maximumAnswerLength)))
            }
            return run(.resume)
        }
        let aliases = prompt.optionTags.map { tags in
            tags.filter { $0.hasPrefix(Self.aliasTag) }.map { String($0.dropFirst(Self.aliasTag.count)) }
        }
        if let chosen = OptionMatcher.match(answer, in: prompt.options.map(\.text), aliases: aliases)
            ?? stepOption(naming: answer)
        {
            return choose(option: chosen)
        }
        if content.answers.isUnsure(answer),
            let unsure = prompt.optionTags.firstIndex(where: { $0.contains(Self.unsureTag) })
        {
            // Not knowing is an answer: the question says what it means there.
            return choose(option: unsure)
        }
        if OptionMatcher.number(in: answer) != nil, !prompt.options.isEmpty {
            // A number that is not there, even where own words are welcome: say which numbers there are.
            set(.optionCount, .number(Float(prompt.options.count)))
            return reshowingPrompt(after: say(.repromptNumber))
        }
        if let freeText = prompt.freeText, !answer.isEmpty { return choose(option: freeText.option, text: answer) }
        return reshowingPrompt(after: say(.reprompt))
    }

    /// `#also:NAME` on an option: another name the person may type for it ("NL").
    static let aliasTag = "also:"
    /// `#step:N` on an option: it stands for step N of the help map, so typing the name of a
    /// service on that step ("bedrijfsarts") chooses it.
    static let stepTag = "step:"
    /// `#unsure` on an option: what "weet ik niet" or "I don't know" chooses at this question
    /// (every question of the guide marks one; `gids check` warns where one is missing).
    public static let unsureTag = "unsure"

    /// The shown option for the help-map step that holds the service the person named.
    private func stepOption(naming answer: String) -> Int? {
        let steps = state.prompt.optionTags.map { tags in
            tags.first { $0.hasPrefix(Self.stepTag) }.flatMap { Int($0.dropFirst(Self.stepTag.count)) }
        }
        guard steps.contains(where: { $0 != nil }) else { return nil }
        let entries = directoryText.directories.flatMap(\.entries).filter { $0.step != nil }
        let names = entries.map {
            "\($0.name.text(in: state.language)) \($0.id.replacingOccurrences(of: "-", with: " "))"
        }
        guard let entry = OptionMatcher.match(answer, in: names).map({ entries[$0] }) else { return nil }
        return steps.firstIndex(of: entry.step)
    }

    // MARK: - The safety net's state

    /// The categories of risk already asked about (BRIEF §9: ask, but not again and again for
    /// the same kind of words), kept in the dialogue's `$veiligheid_gevraagd`.
    private var askedCategories: Set<String> {
        get { Set(string(.safetyAsked).split(separator: " ").map(String.init)) }
        set { set(.safetyAsked, .string(newValue.sorted().joined(separator: " "))) }
    }

    /// Whether the crisis answer came up in this conversation (the dialogue sets `$crisis_getoond`):
    /// then it never ends without the crisis lines on screen.
    private var crisisCameUp: Bool {
        isTrue(.crisisShown)
    }

    /// The dialogue as it stood at an earlier moment, with what the safety net has learnt since:
    /// going back a step, or on to where the crisis answer interrupted, never forgets that a crisis came up
    /// (so the conversation still ends with the crisis lines) or what was already asked.
    private func keepingSafetyMemory(in earlier: DialogueState) -> DialogueState {
        var restored = earlier
        for variable in [HostVariable.crisisShown, .safetyAsked] {
            restored.variables[variable.name] = state.dialogue.variables[variable.name]
        }
        return restored
    }

    /// Whether someone's death told now is heard as the answer it is, rather than interrupting:
    /// in the critical-event path (nodes tagged `critical-event`) and in the check-in (nodes
    /// tagged `check-in`, which then offers the event path after its third question).
    private var hearsDeathAsAnswer: Bool {
        guard !state.isFinished, let node = (state.interrupted?.dialogue ?? state.dialogue).current?.node else {
            return false
        }
        let tags = machine.program.nodes[node]?.tags ?? []
        return tags.contains(GuideContent.criticalEventTag) || tags.contains(GuideContent.checkInTag)
    }

    /// The hashtags of each shown option (`line:` ids left out), for a door that gives
    /// options a meaning of its own, such as the trainee's moves in practice.
    public var optionTags: [[String]] { state.prompt.optionTags }

    /// Chooses a shown option by its position (from 0), as if the person had typed it. For
    /// the option that takes free text, `text` is what goes into its variable.
    public mutating func choose(option shown: Int, text: String = "") -> Reply {
        let prompt = state.prompt
        guard prompt.optionIndices.indices.contains(shown) else { return reshowingPrompt(after: say(.reprompt)) }
        remember()
        if let freeText = prompt.freeText, freeText.option == shown, machine.standsInCurrentContent(state.dialogue) {
            state.dialogue.variables[freeText.variable] = .string(
                String(TextNormalizer.sanitized(text).prefix(Self.maximumAnswerLength)))
        }
        return run(.select(prompt.optionIndices[shown]))
    }

    /// Tells the person that something they asked for could not be done (a file could not be
    /// written, memory could not be saved), then shows the question again.
    public mutating func effectFailed() -> Reply {
        reshowingPrompt(after: say(.effectFailed))
    }

    /// The person closed their input (Ctrl-D): a polite goodbye with the summary so far.
    public mutating func endOfInput() -> Reply {
        goodbye()
    }

    // MARK: - Commands

    /// Runs one of the safety net's nodes, remembering where the conversation was, so that
    /// `<<resume>>` goes back there.
    private mutating func interrupt(with node: HostNode) -> Reply {
        if state.interrupted == nil, !state.isFinished {
            state.interrupted = state.currentMoment
        }
        return run(.start(node: node.rawValue))
    }

    private mutating func goodbye() -> Reply {
        var reply = Reply(messages: say(goodbyeNode))
        state.prompt = .finished
        state.history.removeAll()
        state.interrupted = nil
        endingWithCrisisLines(&reply)
        return reply
    }

    /// "vergeet mij": the conversation ends, nothing of it is kept, and the door deletes what
    /// was remembered (``Effect/forgetConversation``).
    private mutating func forgettingEverything() -> Reply {
        state.settings.followUp = nil
        var reply = Reply(messages: say(.forgottenByRequest))
        reply.effects = [.forgetConversation]
        state.prompt = .finished
        state.history.removeAll()
        state.interrupted = nil
        endingWithCrisisLines(&reply)
        return reply
    }

    /// A conversation in which a crisis came up never ends without the crisis lines on screen (BRIEF §9).
    private mutating func endingWithCrisisLines(_ reply: inout Reply) {
        guard crisisCameUp, !reply.showedCrisisLines else { return }
        reply.messages += say(.crisisReminder)
        reply.showedCrisisLines = true
    }

    private mutating func restart() -> Reply {
        let kept = [HostVariable.region, .crisisShown, .safetyAsked].map { ($0, state.dialogue.variables[$0.name]) }
        var fresh = DialogueState(seed: state.dialogue.randomState, saliency: state.dialogue.saliency)
        fresh.views = state.dialogue.views
        state = ConversationState(settings: state.settings, dialogue: fresh)
        setHostVariables()
        for (variable, value) in kept { state.dialogue.variables[variable.name] = value }
        return start()
    }

    private mutating func back() -> Reply {
        guard let previous = state.history.removeLast() else { return reshowingPrompt(after: say(.noStepBack)) }
        state.dialogue = keepingSafetyMemory(in: previous.dialogue)
        state.prompt = previous.prompt
        return previous.prompt.reply
    }

    private mutating func remember() {
        state.history.append(state.currentMoment, encoded: state.moment.bytes)
    }

    /// The question shown again after these messages, the conversation staying where it is.
    func reshowingPrompt(after messages: [MarkedUpText]) -> Reply {
        var reply = state.prompt.reply
        if reply.isFinished { return Reply(messages: messages) }
        reply.messages = messages + reply.messages.suffix(1)
        return reply
    }

    // MARK: - Running the dialogue

    /// Feeds the dialogue one input and turns its events into a reply; a reply that gives the
    /// crisis answer or shows the crisis lines always carries 112 and the region's crisis line
    /// (see ``LastResortCrisisLines``).
    private mutating func run(_ input: DialogueInput) -> Reply {
        var reply = advance(input)
        LastResortCrisisLines.complete(&reply, region: knownRegion, language: state.language)
        return reply
    }

    /// Feeds the dialogue one input and turns its events into a reply. Host commands are
    /// carried out as they come, and the dialogue resumed after each, so that what they set
    /// is there for the lines that follow.
    private mutating func advance(_ input: DialogueInput) -> Reply {
        var events = machine.advance(&state.dialogue, with: input)
        var reply = Reply()
        var prompt = ConversationState.Prompt.finished
        var resumes = 0
        let started = ContinuousClock.now
        while true {
            if let finished = process(events, into: &reply, prompt: &prompt) { return finished }
            if let runaway = runawayProblem(of: reply, resumes: resumes, since: started) {
                return stopped(reply, because: runaway)
            }
            guard state.dialogue.phase == .awaitingResume, prompt.textVariable == nil else { break }
            resumes += 1
            events = machine.advance(&state.dialogue, with: .resume)
        }
        if reply.expects == .none, state.dialogue.phase == .awaitingChoice || state.dialogue.phase == .awaitingResume {
            // Waiting without a prompt: only possible after an invalid input; keep what was shown.
            return state.prompt.reply
        }
        prompt.remember(reply)
        state.prompt = prompt
        if reply.isFinished {
            state.history.removeAll()
            endingWithCrisisLines(&reply)
        }
        return reply
    }

    /// Why a turn must be stopped: too many messages, too much text, too many resumes, or too long.
    private func runawayProblem(of reply: Reply, resumes: Int, since started: ContinuousClock.Instant) -> String? {
        let node = state.dialogue.current?.node ?? "?"
        if reply.messages.count > Self.maximumMessages {
            return
                "the dialogue showed more than \(Self.maximumMessages) messages in one turn (in node \(node)); is there a loop? The turn was stopped"
        }
        if reply.messages.reduce(0, { $0 + $1.text.utf8.count }) > Self.maximumReplyBytes {
            return
                "the dialogue's reply grew past \(Self.maximumReplyBytes) bytes in one turn (in node \(node)); the turn was stopped"
        }
        if resumes > Self.maximumResumes {
            return
                "the dialogue ran more than \(Self.maximumResumes) host commands in one turn (in node \(node)); is there a loop? The turn was stopped"
        }
        if ContinuousClock.now - started > Self.maximumTurnDuration {
            return
                "the dialogue ran longer than \(Self.maximumTurnDuration) in one turn (in node \(node)); is there a loop? The turn was stopped"
        }
        return nil
    }

    /// Ends a turn that ran away: the person gets the failure answer, the conversation ends,
    /// and the problem goes to the operator.
    private mutating func stopped(_ runaway: Reply, because problem: String) -> Reply {
        var reply = Reply(messages: say(.failure), problems: runaway.problems + [problem])
        reply.showedCrisisLines = true
        reply.safety = runaway.safety
        state.prompt = .finished
        state.history.removeAll()
        state.interrupted = nil
        return reply
    }

    /// Adds events to the reply being built. Returns a whole reply when a command ends the turn
    /// differently (`resume` goes back to where the crisis answer interrupted).
    private mutating func process(
        _ events: [DialogueEvent], into reply: inout Reply, prompt: inout ConversationState.Prompt
    ) -> Reply? {
        for event in events {
            switch event {
            case .line(let line):
                reply.messages.append(resolver.text(for: line))
            case .command(let text):
                if let resumed = perform(text, into: &reply, prompt: &prompt) { return resumed }
            case .options(let options):
                reply.expects = .choice
                for option in options where option.isAvailable {
                    if let variable = freeTextVariable(of: option) {
                        prompt.freeText = .init(option: reply.options.count, variable: variable)
                    }
                    prompt.optionIndices.append(option.index)
                    prompt.optionTags.append(
                        machine.program.lines[option.line.id]?.tags.filter {
                            !$0.hasPrefix("line:") && $0 != "lastline"
                        } ?? [])
                    reply.options.append(resolver.text(for: option.line))
                }
            case .error(let error):
                reply.problems.append(error.description)
                if error.kind == .dialogueFailed {
                    reply.messages += say(.failure)
                    reply.expects = .none
                }
            case .nodeRestarted(let node):
                // The person's answer was for the node as it was: said plainly, then the node again.
                reply.messages += say(.contentUpdated)
                reply.restartedNodes.append(node)
            case .nodeStart(let node):
                // The reply tells bridges what the safety net did (the strongest of the turn).
                if node == HostNode.crisis.rawValue || node == HostNode.someoneElseInDanger.rawValue {
                    reply.safety = .crisis
                } else if node == HostNode.safetyCheck.rawValue, reply.safety == nil {
                    reply.safety = .check
                }
            case .dialogueComplete, .nodeComplete:
                break
            }
        }
        return nil
    }

    /// Carries out a host command. Returns a finished reply when the command ends the turn differently
    /// (`resume` goes back to where the crisis answer interrupted).
    private mutating func perform(_ command: String, into reply: inout Reply, prompt: inout ConversationState.Prompt)
        -> Reply?
    {
        let hostCommand: HostCommand
        do {
            hostCommand = try HostCommand(command)
        } catch {
            reply.problems.append(error.message)
            return nil
        }
        switch hostCommand {
        case .ask(let variable):
            reply.expects = .text
            prompt.textVariable = variable
        case .helpMap:
            reply.messages += directoryText.map()
        case .helpStep(let step):
            reply.messages += directoryText.step(step)
        case .helpReferral:
            reply.messages += directoryText.referralRoute()
        case .crisisLines:
            let lines = directoryText.crisisLines()
            reply.messages +=
                lines + LastResortCrisisLines.missing(from: lines, region: knownRegion, language: state.language)
            reply.showedCrisisLines = true
        case .readEventDate: readEventDate()
        case .evaluateSignals: evaluateSignals()
        case .remember(let talk):
            let before = state.settings.followUp
            if !carryOut(remember(talk: talk), into: &reply) {
                // Nothing was kept: the conversation goes on as without consent.
                state.settings.followUp = before
                set(.consent, .bool(false))
            }
        case .forget:
            state.settings.followUp = nil
            reply.effects.append(.forget)
        case .takeAlong: prepareTakeAlong()
        case .talkLines(let includingToday): reply.messages += talkLines(includingToday: includingToday)
        case .endFollowUp:
            let before = state.settings.followUp
            if !carryOut(endFollowUp(), into: &reply) { state.settings.followUp = before }
        case .writeTakeAlong:
            if let effect = writeTakeAlong() { carryOut([effect], into: &reply) }
        case .debrief: reply.effects.append(.debrief)
        case .resume:
            guard let interrupted = state.interrupted else { return start() }
            state.interrupted = nil
            state.dialogue = keepingSafetyMemory(in: interrupted.dialogue)
            state.prompt = interrupted.prompt
            var resumed = interrupted.prompt.reply
            resumed.messages = reply.messages + resumed.messages.suffix(1)
            resumed.safety = reply.safety
            return resumed
        }
        return nil
    }

    /// `#freetext:name` on an option: any answer that is not another option is stored in `$name`.
    private func freeTextVariable(of option: DialogueOption) -> String? {
        machine.program.lines[option.line.id]?.tags.first { $0.hasPrefix("freetext:") }.map {
            "$" + $0.dropFirst("freetext:".count)
        }
    }

    /// The lines of a node run on the side (help, reprompts, goodbye), without moving the
    /// conversation; only the variety of line groups is kept.
    mutating func say(_ node: HostNode) -> [MarkedUpText] {
        var scratch = state.dialogue
        var messages: [MarkedUpText] = []
        var events = machine.advance(&scratch, with: .start(node: node.rawValue))
        var resumes = 0
        while true {
            for event in events {
                switch event {
                case .line(let line): messages.append(resolver.text(for: line))
                case .command(let text):
                    var reply = Reply()
                    var prompt = ConversationState.Prompt.finished
                    if text.hasPrefix("help_") || text.hasPrefix("talk_lines") || text == "crisis_lines" {
                        _ = perform(text, into: &reply, prompt: &prompt)
                        messages += reply.messages
                    }
                default: break
                }
            }
            // Host commands pause the dialogue; a node run on the side carries on past them, as
            // far as a turn may go.
            guard scratch.phase == .awaitingResume, resumes < Self.maximumResumes,
                messages.count <= Self.maximumMessages
            else { break }
            resumes += 1
            events = machine.advance(&scratch, with: .resume)
        }
        state.dialogue.views = scratch.views
        state.dialogue.randomState = scratch.randomState
        return messages
    }

    /// The person's region, once the dialogue knows it.
    private var knownRegion: Region? {
        state.dialogue.variables[HostVariable.region.name].flatMap { Region(rawValue: $0.text) }
    }

    private var directoryText: DirectoryText {
        let directories =
            knownRegion.map { [content.directories[$0]].compactMap { $0 } }
            ?? Region.allCases.compactMap { content.directories[$0] }
        return DirectoryText(directories: directories, language: state.language)
    }
}
