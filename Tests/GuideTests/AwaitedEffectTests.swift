import Testing

@testable import Guide

/// Remembering is an effect the door carries out while the turn waits (issue 29): the turn
/// stops at it, nothing claims it was kept before the door says how it went, and the dialogue
/// then says so in the person's words.
@Suite struct AwaitedEffectTests {
    /// Up to the consent question after a critical event, in a conversation that may remember.
    private func atConsent() throws -> Conversation {
        let settings = ConversationSettings(
            language: .nl, region: .nl, seed: 1, today: DayDate(year: 2026, month: 3, day: 12)!,
            memoryLocation: "~/.local/share/gids/gids.sqlite", canWriteFiles: true)
        var conversation = Conversation(content: try shippedContent(), settings: settings)
        _ = conversation.start()
        for answer in ["2", "1", "1", "1", "gisteren", "moe", "nee", "1", "1", "6", "2"] {
            _ = conversation.respond(to: answer)
        }
        return conversation
    }

    @Test("consenting stops the turn at remembering: the follow-up goes to the door, and nothing says it is kept yet")
    func turnWaits() throws {
        var conversation = try atConsent()
        let reply = conversation.respond(to: "1")
        guard case .remember(let followUp) = reply.awaitedEffect else {
            Issue.record("the turn did not wait for remembering: \(PlainText.lines(for: reply))")
            return
        }
        #expect(followUp.talks.map(\.number) == [1])
        #expect(!reply.isFinished)
        #expect(!PlainText.lines(for: reply).contains("Goed. Ik onthoud alleen dat."))
    }

    @Test("when the door kept it, the turn goes on saying so, and the conversation holds the follow-up")
    func keptIsSaid() throws {
        var conversation = try atConsent()
        _ = conversation.respond(to: "1")
        let reply = conversation.effectFinished(.done)
        #expect(reply.awaitedEffect == nil)
        #expect(PlainText.lines(for: reply).contains("Goed. Ik onthoud alleen dat."))
        #expect(conversation.state.settings.followUp?.talks.count == 1)
    }

    @Test("when the door could not keep it, the person hears why, may try again, and nothing counts as kept")
    func failureIsSaid() throws {
        var conversation = try atConsent()
        _ = conversation.respond(to: "1")
        let reply = conversation.effectFinished(.diskFull)
        let lines = PlainText.lines(for: reply)
        #expect(lines.contains("Dat lukte niet: de schijf is vol."))
        #expect(!lines.contains("Goed. Ik onthoud alleen dat."))
        #expect(reply.options.map(\.text) == ["Opnieuw proberen", "Verder zonder te onthouden"])
        #expect(conversation.state.settings.followUp == nil)
        // Trying again waits for the door again.
        let again = conversation.choose(option: 0)
        #expect(again.awaitedEffect != nil)
    }

    @Test("a door's finishing carries each awaited effect out once and gives the whole turn")
    func finishingPerformsOnce() throws {
        var conversation = try atConsent()
        var performed: [Effect] = []
        let reply = conversation.finishing(conversation.respond(to: "1")) { effect in
            performed.append(effect)
            return .done
        }
        #expect(performed.count == 1)
        #expect(PlainText.lines(for: reply).contains("Goed. Ik onthoud alleen dat."))
        #expect(reply.awaitedEffect == nil && !reply.isFinished)
    }
}
