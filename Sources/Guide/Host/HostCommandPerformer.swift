import DialogueRuntime

/// The one place that carries out a ``HostCommand`` in a turn.
extension Conversation {
    /// Carries out a host command and says where the turn goes next (`resume` goes back to
    /// where the crisis answer interrupted; the driver takes it there).
    mutating func perform(_ command: HostCommand, into reply: inout Reply, prompt: inout ConversationState.Prompt)
        -> TurnDirection
    {
        switch command {
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
            waitFor(into: &reply, failureWithdrawsConsent: true) { $0.remember(talk: talk) }
        case .forget:
            state.settings.followUp = nil
            reply.effects.append(.forget)
        case .takeAlong: prepareTakeAlong()
        case .talkLines(let includingToday): reply.messages += talkLines(includingToday: includingToday)
        case .endFollowUp: waitFor(into: &reply) { $0.endFollowUp() }
        case .writeTakeAlong: waitFor(into: &reply) { $0.writeTakeAlong() }
        case .debrief: reply.effects.append(.debrief)
        case .resume: return .backToInterruption
        }
        return .onward
    }
}
