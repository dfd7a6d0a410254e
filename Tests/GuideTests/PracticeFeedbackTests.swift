import Foundation
import Guide
import Testing

/// Feedback as a trainer gives it (issue 26, item 3): each finding a trainer made, with the
/// exact words they typed.
@Suite struct PracticeFeedbackTests {
    @Test("day 2 after aggression, an early referral or a diagnosis is caught, and the debrief does not pass it")
    func earlyReferralIsCaught() throws {
        for typed in ["Je moet echt naar de huisarts, dit is niet normaal", "Ik denk dat je een trauma hebt"] {
            var session = try practice(.nl, scenario: 5)  // Yasmina, talk 1, two days after
            let reply = session.respond(to: typed)
            let lines = feedback(reply)
            #expect(!lines.contains { $0.contains("ik herkende geen bekende stap") }, "\(typed): \(lines)")
            let ending = PlainText.lines(for: session.respond(to: "stop"))
            #expect(!ending.contains("- Weten wanneer je (nog) niet verwijst: gehaald"), "\(typed): \(ending)")
        }
        var session = try practice(.nl, scenario: 5)
        let reply = session.respond(to: "Je moet echt naar de huisarts, dit is niet normaal")
        #expect(feedback(reply).contains { $0.contains("te vroeg") }, "the moment makes the referral a mistake")
        let ending = PlainText.lines(for: session.respond(to: "stop"))
        #expect(ending.contains("- Weten wanneer je (nog) niet verwijst: nog niet"))
    }

    @Test("a criterion no turn touched is 'niet aan toegekomen', not 'gehaald'")
    func untouchedIsNotReached() throws {
        var session = try practice(.nl, scenario: 5)
        _ = session.respond(to: "Hoe gaat het nu met je?")
        let ending = PlainText.lines(for: session.respond(to: "stop"))
        #expect(ending.contains("- Weten wanneer je (nog) niet verwijst: niet aan toegekomen"))
    }

    @Test("the three questions in reverse order: question 3 first is not praised, and the debrief says 'nog niet'")
    func reverseOrder() throws {
        var session = try practice(.nl, scenario: 3)  // Sanne, the check-in
        let first = feedback(session.respond(to: "Heb je genoeg mensen om je heen die je steunen?"))
        #expect(first.contains { $0.contains("stel de drie vragen in hun volgorde") }, "\(first)")
        #expect(!first.contains { $0.contains("De derde vraag kijkt weer naar buiten") })
        _ = session.respond(to: "Hoe voel je je?")
        let ending = PlainText.lines(for: session.respond(to: "Wat is je van vandaag bijgebleven?"))
        #expect(ending.contains("- De drie vragen, in hun volgorde: nog niet"), "\(ending)")
    }

    @Test("a single turn that only probed for details is 'nog niet' for not probing, not 'deels'")
    func singleProbe() throws {
        var session = try practice(.nl, scenario: 5)
        _ = session.respond(to: "Wat zei hij precies tegen je?")
        let ending = PlainText.lines(for: session.respond(to: "stop"))
        #expect(ending.contains("- Niet doorvragen naar details of emoties in gesprek 1: nog niet"), "\(ending)")
    }

    @Test("the help map is credited as the help map, not as stating your role")
    func helpMapIsNotRole() throws {
        let lexicon = try shippedPractice().lexicons.en
        let moves = lexicon.classify(
            "You could take it to a moral case deliberation with your team, or talk to a peer supporter or your GP. What would suit you?"
        ).map(\.category)
        #expect(moves.contains("help_map"))
        #expect(moves.contains("choice"))
        #expect(!moves.contains("role"))
        #expect(!moves.contains("advice"))
    }

    @Test("a service you say you are not, or the whole map named in a row, is not a referral")
    func roleAndMapAreNoReferral() throws {
        let practice = try shippedPractice()
        let role = Set(practice.lexicons.nl.classify("Ik ben hier als collega, niet als psycholoog.").map(\.category))
        #expect(role.contains("role") && !role.contains("referral"), "\(role)")
        let notA = Set(practice.lexicons.en.classify("I'm a peer supporter, not a psychologist.").map(\.category))
        #expect(!notA.contains("referral"), "\(notA)")
        let map = Set(
            practice.lexicons.en.classify(
                "There's occupational health, the staff psychologist, your GP, and of course the peer support team."
            ).map(\.category))
        #expect(map.contains("help_map") && !map.contains("referral"), "\(map)")
        let referral = Set(practice.lexicons.nl.classify("Ik zou toch eens naar de psycholoog gaan.").map(\.category))
        #expect(referral.contains("referral"), "one service suggested stays a referral: \(referral)")
    }

    @Test("'Hoe gaat het' is one open question, and a summary of doubt is not asking about signals")
    func precisionOfSmallPhrases() throws {
        let lexicon = try shippedPractice().lexicons.nl
        let howIsIt = Set(lexicon.classify("Hoe gaat het").map(\.category))
        #expect(!(howIsIt.contains("open_question") && howIsIt.contains("closed_question")), "\(howIsIt)")
        #expect(!howIsIt.contains("signals"))
        let summary = Set(lexicon.classify("Als ik je goed hoor twijfel je nu aan jezelf").map(\.category))
        #expect(summary.contains("summarise"))
        #expect(!summary.contains("signals"), "\(summary)")
    }

    @Test("a promise about whatever the other says, or a diagnosis, is not summarising")
    func promisesAreNoSummary() throws {
        let practice = try shippedPractice()
        func moves(_ text: String, _ lexicon: PracticeLexicon) -> Set<String> {
            Set(lexicon.classify(text).map(\.category))
        }
        let english = practice.lexicons.en
        for promise in [
            "Whatever you say stays between us, I promise.", "Nothing you say will ever leave this room.",
            "It sounds like you've got PTSD, to be honest.",
        ] {
            #expect(!moves(promise, english).contains("summarise"), "\(promise)")
        }
        #expect(moves("You said you hardly slept since Tuesday.", english).contains("summarise"))
        let dutch = practice.lexicons.nl
        #expect(
            !moves("Ook als je zegt dat je jezelf iets wil aandoen, het blijft bij mij.", dutch).contains("summarise"))
        #expect(moves("Je zegt dat je sinds dinsdag slecht slaapt.", dutch).contains("summarise"))
    }

    @Test(
        "typed without a question mark, a last sentence asks when it begins as a question does or a clause of it with a question word, and advice is not a closed question"
    )
    func questionsWithoutQuestionMark() throws {
        let practice = try shippedPractice()
        func moves(_ text: String, _ language: Language) -> Set<String> {
            Set(practice.lexicons[language].classify(text).map(\.category))
        }
        #expect(moves("heb je vannacht kunnen slapen", .nl).contains("closed_question"))
        #expect(moves("hoe was het voor je", .nl).contains("open_question"))
        #expect(moves("did you manage to sleep", .en).contains("closed_question"))
        #expect(
            moves("nou, hoe slaap je de laatste tijd", .nl).isSuperset(of: ["open_question", "signals"]),
            "a clause after a comma that begins with a question word asks")
        #expect(
            !moves("dat klinkt zwaar, snap ik", .nl).contains("closed_question"), "a verb there may start a statement")
        let advice = moves("Je moet leren nee te zeggen", .nl)
        #expect(advice.contains("advice") && !advice.contains("closed_question"), "\(advice)")
        #expect(!moves("Je hebt het goed gedaan", .nl).contains("closed_question"))
        #expect(!moves("you did everything you could", .en).contains("closed_question"))
    }

    @Test("a direct question about suicide is credited, and never marked a weak closed question")
    func directQuestion() throws {
        var session = try practice(.nl, scenario: 1)
        let reply = session.respond(to: "Denk je er weleens aan om er een eind aan te maken?")
        let lines = feedback(reply)
        #expect(lines.contains { $0.contains("rechtstreeks naar zelfdoding vragen") })
        #expect(!lines.contains { $0.contains("gesloten vraag") }, "\(lines)")
        #expect(session.turns.last?.categories.contains("closed_question") == false)
    }

    @Test("feedback on probing for emotions follows the talk: Lotte's is not a first talk")
    func talkSpecificFeedback() throws {
        var session = try practice(.en, scenario: 8)  // Lotte, moral stress
        let lines = feedback(session.respond(to: "What were you feeling when he died?"))
        #expect(lines.contains { $0.hasPrefix("Feedback: probing for emotions") }, "\(lines)")
        #expect(!lines.contains { $0.contains("first talk") }, "\(lines)")
        var talkOne = try practice(.en, scenario: 5)  // Yasmina, talk 1
        #expect(
            feedback(talkOne.respond(to: "What were you feeling when he pushed you?")).contains {
                $0.contains("first talk")
            })
    }

    @Test("scenarios set in Flanders name the arbeidsarts, not the bedrijfsarts")
    func flemishServices() throws {
        for (language, scenario, typed) in [
            (Language.nl, 1, "Je huisarts kan je daarbij helpen, of de arbeidsarts."),
            (.nl, 2, "Ik zou naar je huisarts gaan, die kan je helpen."),
            (.en, 1, "Your GP could help you with that."),
        ] {
            var session = try practice(language, scenario: scenario)  // Floor, David: Flemish hospitals
            let lines = feedback(session.respond(to: typed))
            #expect(lines.contains { $0.contains("arbeidsarts") }, "\(lines)")
            #expect(!lines.contains { $0.contains("bedrijfsarts") }, "\(lines)")
        }
    }

    @Test("in Tom's talk 2 the colleague's answer to attention for emotions agrees with the feedback that praises it")
    func reactionAgreesWithFeedback() throws {
        var session = try practice(.nl, scenario: 6)  // Tom, talk 2
        try choose(["summarise", "open_question"], in: &session)
        let lines = PlainText.lines(for: try choose(["probe_emotions"], in: &session))
        #expect(lines.contains { $0.contains("juist de bedoeling") })
        #expect(!lines.contains("Tom: (stil) Dat weet je toch."))
        var typed = try practice(.nl, scenario: 6)
        try choose(["summarise", "open_question"], in: &typed)
        let own = PlainText.lines(for: typed.respond(to: "Wat voelde je, toen het kind overleed?"))
        #expect(own.contains("Tom: Bijna elke nacht. Ik schrik wakker."), "the answer to a good move: \(own)")
    }

    @Test("--report keeps every debrief of the session, in order")
    func reportKeepsEveryDebrief() throws {
        var session = try practice(.nl, scenario: 3)  // Sanne: three turns
        for _ in 0..<3 { _ = session.respond(to: "1") }
        _ = session.respond(to: "1")  // yes, another one
        _ = session.respond(to: "5")  // Yasmina: four turns
        for _ in 0..<4 { _ = session.respond(to: "1") }
        let report = try #require(session.report)
        let first = try #require(report.range(of: "Scenario: Sanne, verpleegkundige aan het eind van de dienst"))
        let second = try #require(report.range(of: "Scenario: Agressie van een familielid (gesprek 1)"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(session.debriefs.count == 2)
    }
}
