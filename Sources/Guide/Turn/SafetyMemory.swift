import DialogueRuntime

/// What the safety net has learnt in a conversation, kept in its dialogue so that it survives
/// going back, restarting and resuming: the categories already asked about and whether the
/// crisis answer came up.
extension Conversation {
    /// The categories of risk already asked about (BRIEF §9: ask, but not again and again for
    /// the same kind of words), kept in the dialogue's `$veiligheid_gevraagd`.
    var askedCategories: Set<String> {
        get { Set(string(.safetyAsked).split(separator: " ").map(String.init)) }
        set { set(.safetyAsked, .string(newValue.sorted().joined(separator: " "))) }
    }

    /// Whether the crisis answer came up in this conversation (the dialogue sets `$crisis_getoond`):
    /// then it never ends without the crisis lines on screen.
    var crisisCameUp: Bool {
        isTrue(.crisisShown)
    }

    /// The dialogue as it stood at an earlier moment, with what the safety net has learnt since:
    /// going back a step, or on to where the crisis answer interrupted, never forgets that a crisis came up
    /// (so the conversation still ends with the crisis lines) or what was already asked.
    func keepingSafetyMemory(in earlier: DialogueState) -> DialogueState {
        var restored = earlier
        for variable in [HostVariable.crisisShown, .safetyAsked] {
            restored.variables[variable.name] = state.dialogue.variables[variable.name]
        }
        return restored
    }

    /// Whether someone's death told now is heard as the answer it is, rather than interrupting:
    /// in the critical-event path (nodes tagged `critical-event`) and in the check-in (nodes
    /// tagged `check-in`, which then offers the event path after its third question).
    var hearsDeathAsAnswer: Bool {
        guard !state.isFinished, let node = (state.interrupted?.dialogue ?? state.dialogue).current?.node else {
            return false
        }
        let tags = machine.program.nodes[node]?.tags ?? []
        return tags.contains(GuideContent.criticalEventTag) || tags.contains(GuideContent.checkInTag)
    }

    /// A conversation in which a crisis came up never ends without the crisis lines on screen (BRIEF §9).
    mutating func endingWithCrisisLines(_ reply: inout Reply) {
        guard crisisCameUp, !reply.showedCrisisLines else { return }
        reply.messages += say(.crisisReminder)
        reply.showedCrisisLines = true
    }
}
