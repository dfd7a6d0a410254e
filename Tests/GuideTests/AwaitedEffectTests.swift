import Testing

@testable import Guide

/// Remembering is an effect the door carries out while the turn waits (issue 29): the turn
/// stops at it, nothing claims it was kept before the door says how it went, and the dialogue
/// then says so in the person's words.
@Suite struct AwaitedEffectTests {
    /// Up to the consent question after a critical event on the day told, in a conversation
    /// that may remember and write files, then the answers given.
    private func atConsent(then answers: [String] = [], today: String = "gisteren") throws -> Conversation {
        let settings = ConversationSettings(
            language: .nl, region: .nl, seed: 1, today: DayDate(year: 2026, month: 3, day: 12)!,
            memoryLocation: "~/.local/share/gids/gids.sqlite", canWriteFiles: true)
        var conversation = Conversation(content: try shippedContent(), settings: settings)
        _ = conversation.start()
        for answer in ["2", "1", "1", "1", today, "moe", "nee", "1", "1", "6", "2"] + answers {
            #expect(conversation.respond(to: answer).awaitedEffect == nil, "nothing waits before '\(answer)'")
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
        let waiting = conversation.respond(to: "1")
        let reply = conversation.effectFinished(.done, continuing: waiting)
        #expect(reply.awaitedEffect == nil)
        #expect(PlainText.lines(for: reply).contains("Goed. Ik onthoud alleen dat."))
        #expect(conversation.state.settings.followUp?.talks.count == 1)
    }

    @Test("when the door could not keep it, the person hears why, may try again, and nothing counts as kept")
    func failureIsSaid() throws {
        var conversation = try atConsent()
        let waiting = conversation.respond(to: "1")
        let reply = conversation.effectFinished(.diskFull, continuing: waiting)
        let lines = PlainText.lines(for: reply)
        #expect(lines.contains("Dat lukte niet: de schijf is vol."))
        #expect(!lines.contains("Goed. Ik onthoud alleen dat."))
        #expect(reply.options.map(\.text) == ["Opnieuw proberen", "Verder zonder te onthouden"])
        #expect(conversation.state.settings.followUp == nil)
        // Trying again waits for the door again.
        let again = conversation.choose(option: 0)
        #expect(again.awaitedEffect != nil)
    }

    @Test("after a failure, going on without remembering counts as no consent, and nothing is kept")
    func failureWithdrawsConsent() throws {
        var conversation = try atConsent()
        let waiting = conversation.respond(to: "1")
        _ = conversation.effectFinished(.notPermitted, continuing: waiting)
        #expect(conversation.isTrue(.consent) == false)
        let reply = conversation.choose(option: 1)
        #expect(PlainText.lines(for: reply).contains("Prima. Ik onthoud niets."))
        #expect(conversation.state.settings.followUp == nil)
    }

    @Test("a door that answers a waiting turn without carrying it out gets no claim that it was kept, and a problem")
    func answeredWhileWaiting() throws {
        var conversation = try atConsent()
        _ = conversation.respond(to: "1")
        // Settled as not done, the question is whether to try again; "2" goes on without.
        let reply = conversation.respond(to: "2")
        #expect(!PlainText.lines(for: reply).contains("Goed. Ik onthoud alleen dat."))
        #expect(PlainText.lines(for: reply).contains("Prima. Ik onthoud niets."))
        #expect(reply.problems.contains { $0.contains("remember") && $0.contains("counts as not done") })
        #expect(conversation.state.settings.followUp == nil)
        #expect(conversation.paused == nil)
    }

    @Test("what a turn said before it waited stays in the whole turn: a death told as the file's name is heard")
    func linesBeforeWaitingStay() throws {
        let toFileName = ["2", "1", "4", "4", "4", "4", "4", "4", "2", "3", "6", "2", "2"]
        var conversation = try atConsent(then: toFileName, today: "5 weken geleden")
        var written: [String] = []
        let reply = conversation.finishing(conversation.respond(to: "mijn collega is overleden")) { effect in
            if case .writeSummary(let path, _) = effect { written.append(path) }
            return .done
        }
        #expect(written == ["mijn collega is overleden"])
        let lines = PlainText.lines(for: reply)
        #expect(lines.first == "Dat is heftig om mee te maken.", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Klaar:") }, "\(lines)")
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

    @Test("an effect is named to the operator without what it carries: no file name, no summary")
    func effectNamesCarryNothingTyped() {
        let summary = Effect.writeSummary(path: "mijn collega is overleden.md", text: "Wat er gebeurde")
        #expect(summary.name == "write_summary")
        #expect(Effect.forgetConversation.name == "forget_conversation")
    }
}
