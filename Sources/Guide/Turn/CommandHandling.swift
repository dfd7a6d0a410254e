import DialogueRuntime

/// What the commands do (stop, back, restart, "vergeet mij") and the safety net's
/// interruptions, which remember where the conversation was.
extension Conversation {
    /// Runs one of the safety net's nodes, remembering where the conversation was, so that
    /// `<<resume>>` goes back there.
    mutating func interrupt(with node: HostNode) -> Reply {
        if state.interrupted == nil, !state.isFinished {
            state.interrupted = state.currentMoment
        }
        return run(.start(node: node.rawValue))
    }

    /// `<<resume>>`: back to the moment the crisis answer interrupted, with the safety net's
    /// memory kept and the crisis answer's lines shown before that moment's question (the
    /// start when nothing was interrupted).
    mutating func backToInterruption(after reply: Reply) -> Reply {
        guard let interrupted = state.interrupted else { return start() }
        state.interrupted = nil
        state.dialogue = keepingSafetyMemory(in: interrupted.dialogue)
        state.prompt = interrupted.prompt
        var resumed = interrupted.prompt.reply
        resumed.messages = reply.messages + resumed.messages.suffix(1)
        resumed.safety = reply.safety
        return resumed
    }

    /// "stop" and the end of input: the goodbye node, and the crisis lines again if a crisis
    /// came up.
    mutating func goodbye() -> Reply {
        var reply = Reply(messages: say(goodbyeNode))
        end()
        endingWithCrisisLines(&reply)
        return reply
    }

    /// "vergeet mij": the conversation ends, nothing of it is kept, and the door deletes what
    /// was remembered (``Effect/forgetConversation``).
    mutating func forgettingEverything() -> Reply {
        state.settings.followUp = nil
        var reply = Reply(messages: say(.forgottenByRequest))
        reply.effects = [.forgetConversation]
        end()
        endingWithCrisisLines(&reply)
        return reply
    }

    /// Ends the conversation: no question open, nothing to go back or resume to.
    mutating func end() {
        state.prompt = .finished
        state.history.removeAll()
        state.interrupted = nil
    }

    mutating func restart() -> Reply {
        let kept = [HostVariable.region, .crisisShown, .safetyAsked].map { ($0, state.dialogue.variables[$0.name]) }
        var fresh = DialogueState(seed: state.dialogue.randomState, saliency: state.dialogue.saliency)
        fresh.views = state.dialogue.views
        state = ConversationState(settings: state.settings, dialogue: fresh)
        setHostVariables()
        for (variable, value) in kept { state.dialogue.variables[variable.name] = value }
        return start()
    }

    mutating func back() -> Reply {
        guard let previous = state.history.removeLast() else { return reshowingPrompt(after: say(.noStepBack)) }
        state.dialogue = keepingSafetyMemory(in: previous.dialogue)
        state.prompt = previous.prompt
        return previous.prompt.reply
    }

    mutating func remember() {
        state.history.append(state.currentMoment, encoded: state.moment.bytes)
    }

    /// The question shown again after these messages, the conversation staying where it is.
    func reshowingPrompt(after messages: [MarkedUpText]) -> Reply {
        var reply = state.prompt.reply
        if reply.isFinished { return Reply(messages: messages) }
        reply.messages = messages + reply.messages.suffix(1)
        return reply
    }
}
