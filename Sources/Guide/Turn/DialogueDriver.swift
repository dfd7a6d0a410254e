import DialogueRuntime

/// Runs the dialogue for one input and turns its events into a reply: lines, options, host
/// commands carried out as they come, and the limits that stop a dialogue that runs away.
extension Conversation {
    /// Feeds the dialogue one input and turns its events into a reply; a reply that gives the
    /// crisis answer or shows the crisis lines always carries 112 and the region's crisis line
    /// (see ``LastResortCrisisLines``).
    /// A turn that stops at an effect the door must carry out first is completed when it goes on.
    mutating func run(_ input: DialogueInput, resuming turn: PausedTurn? = nil) -> Reply {
        var reply = advance(input, resuming: turn)
        if reply.awaitedEffect == nil {
            LastResortCrisisLines.complete(&reply, region: knownRegion, language: state.language)
        }
        return reply
    }

    /// Feeds the dialogue one input and turns its events into a reply. Host commands are
    /// carried out as they come, and the dialogue resumed after each, so that what they set
    /// is there for the lines that follow; at an effect whose outcome the person is told, the
    /// turn stops (see ``waitFor(into:failureWithdrawsConsent:_:)``) and later
    /// goes on from `turn`.
    mutating func advance(_ input: DialogueInput, resuming turn: PausedTurn? = nil) -> Reply {
        var events = machine.advance(&state.dialogue, with: input)
        var reply = turn?.reply ?? Reply()
        var prompt = turn?.prompt ?? .finished
        var resumes = turn?.resumes ?? 0
        let started = turn?.started ?? .now
        while true {
            if process(events, into: &reply, prompt: &prompt) == .backToInterruption {
                return backToInterruption(after: reply)
            }
            if reply.awaitedEffect != nil {
                paused?.reply = reply
                paused?.prompt = prompt
                paused?.resumes = resumes
                paused?.started = started
                return reply
            }
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
    func runawayProblem(of reply: Reply, resumes: Int, since started: ContinuousClock.Instant) -> String? {
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
    mutating func stopped(_ runaway: Reply, because problem: String) -> Reply {
        var reply = Reply(messages: say(.failure), problems: runaway.problems + [problem])
        reply.showedCrisisLines = true
        reply.safety = runaway.safety
        end()
        return reply
    }

    /// Adds events to the reply being built, and says where the turn goes next: back to where
    /// the crisis answer interrupted when a command asks for it (the events after it are not
    /// shown), onward otherwise.
    mutating func process(
        _ events: [DialogueEvent], into reply: inout Reply, prompt: inout ConversationState.Prompt
    ) -> TurnDirection {
        for event in events {
            switch event {
            case .line(let line):
                reply.messages.append(resolver.text(for: line))
            case .command(let text):
                let command: HostCommand
                do {
                    command = try HostCommand(text)
                } catch {
                    reply.problems.append(error.message)
                    continue
                }
                if perform(command, into: &reply, prompt: &prompt) == .backToInterruption {
                    return .backToInterruption
                }
                if reply.awaitedEffect != nil { return .onward }
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
        return .onward
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
                    if let command = try? HostCommand(text), command.onlySays {
                        _ = perform(command, into: &reply, prompt: &prompt)
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
}
