import Foundation
import Guide
import Testing

/// A practice session with the shipped content, at the first turn of scenario `scenario`
/// (its number in the menu of that language).
func practice(_ language: Language, scenario: Int, seed: UInt64 = 1) throws -> PracticeSession {
    var session = PracticeSession(
        content: try shippedContent(), practice: try shippedPractice(),
        settings: ConversationSettings(language: language, region: .nl, seed: seed, today: .today()))
    _ = session.start()
    _ = session.respond(to: String(scenario))
    return session
}

/// Chooses, by its number, the shown candidate that carries every one of these moves.
@discardableResult
func choose(_ moves: [String], in session: inout PracticeSession) throws -> Reply {
    let tags = session.conversation.optionTags
    let index = try #require(
        tags.firstIndex { tags in moves.allSatisfy { tags.contains("move:" + $0) } }, "a candidate with \(moves)")
    return session.respond(to: String(index + 1))
}

/// The lines of a reply that are feedback.
func feedback(_ reply: Reply) -> [String] {
    PlainText.lines(for: reply).filter { $0.hasPrefix("Feedback") }
}

/// Typed words stay the trainee's own (issue 26): only a number or a candidate's whole text
/// chooses a candidate; anything else is judged as written, answered as the move it makes, and
/// quoted as typed.
@Suite struct PracticeTypedWordsTests {
    @Test(
        "'Hoe voel je je, lichamelijk en mentaal?' is the trainee's question 2, not the candidate that summarises first"
    )
    func ownQuestionIsNotACandidate() throws {
        var session = try practice(.nl, scenario: 3)  // Sanne, the check-in
        try choose(["question1"], in: &session)
        let typed = "Hoe voel je je, lichamelijk en mentaal?"
        let reply = session.respond(to: typed)
        #expect(session.turns.last?.text == typed)
        #expect(session.turns.last?.categories.contains("summarise") == false, "no summary was made")
        #expect(session.turns.last?.categories.contains("question2") == true)
        #expect(!feedback(reply).contains { $0.contains("samenvatten") })
    }

    @Test(
        "'Do you feel guilty?' is judged as typed, not as the candidate that goes on 'You must feel terribly guilty.'"
    )
    func ownWordsAreNotTheLongerCandidate() throws {
        var session = try practice(.en, scenario: 8)  // Lotte
        try choose(["role"], in: &session)
        try choose(["summarise"], in: &session)
        let reply = session.respond(to: "Do you feel guilty?")
        #expect(session.turns.last?.text == "Do you feel guilty?")
        #expect(session.turns.last?.categories.contains("advice") == false)
        #expect(!feedback(reply).contains { $0.contains("advising too fast") || $0.contains("advice") })
        #expect(!PlainText.lines(for: reply).contains { $0.contains("You must feel terribly guilty") })
    }

    @Test("the colleague answers a typed minimising story as minimising, not with a candidate's reply")
    func colleagueAnswersTheMove() throws {
        var session = try practice(.nl, scenario: 5)  // Yasmina, aggression
        try choose(["role"], in: &session)
        let reply = PlainText.lines(
            for: session.respond(to: "Ach, ik ben vorig jaar ook geduwd, dat hoort nu eenmaal bij de spoed."))
        #expect(session.turns.last?.categories.contains("minimise") == true)
        #expect(!reply.contains("Yasmina: Die heb ik. Dacht ik."), "the reply to the 'dikke huid' candidate")
        #expect(reply.contains("Yasmina: (armen over elkaar) Laat maar. Ik red me wel."))
    }

    @Test("a good move in the trainee's own words gets the colleague's answer to a good move")
    func colleagueAnswersAGoodMove() throws {
        var session = try practice(.en, scenario: 5)  // Yasmina, aggression
        let reply = PlainText.lines(
            for: session.respond(to: "I'm here as a colleague, not as a therapist. How have you been since Tuesday?"))
        #expect(reply.contains("Yasmina: (sighs) Honestly? I keep looking over my shoulder in the corridor."))
    }

    @Test("only a number or a candidate's whole text chooses it; a start of it or its words are the trainee's own")
    func whatChoosesACandidate() throws {
        let options = ["Hoe voel je je, lichamelijk en mentaal?", "Je moet echt leren nee te zeggen."]
        #expect(PracticeSession.chosen("2", in: options) == 1)
        #expect(PracticeSession.chosen("  JE MOET ECHT LEREN NEE TE ZEGGEN ", in: options) == 1)
        #expect(PracticeSession.chosen("Je moet echt leren", in: options) == nil)
        #expect(PracticeSession.chosen("lichamelijk en mentaal", in: options) == nil)
        #expect(PracticeSession.chosen("3", in: options) == nil)
    }

    @Test("the debrief quotes only what the trainee typed")
    func debriefQuotesTypedWords() throws {
        var session = try practice(.nl, scenario: 5)  // Yasmina, aggression
        let typed = [
            "Wat zei hij precies tegen je?",
            "Op de spoed hoort dat erbij, toch?",
            "Je moet echt naar de huisarts, dit is niet normaal",
            "Wat wil je er zelf mee?",
        ]
        var lines: [String] = []
        for text in typed { lines = PlainText.lines(for: session.respond(to: text)) }
        let examples = lines.filter { $0.hasPrefix("    \"") }
        #expect(!examples.isEmpty)
        for example in examples {
            #expect(typed.contains { example.hasPrefix("    \"\($0)\"") }, "\(example)")
        }
    }
}
