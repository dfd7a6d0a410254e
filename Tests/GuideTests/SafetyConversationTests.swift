import Foundation
import Testing

@testable import Guide

/// What a person sees when the safety net acts, in the real conversation on the shipped content.
@Suite struct SafetyConversationTests {
    /// A chat at the first question of the check-in.
    private func atFirstQuestion(_ language: Language = .nl, region: Region = .nl) throws -> Chat {
        var chat = try Chat(language: language, region: region)
        _ = chat.start()
        _ = chat.say("1")
        return chat
    }

    @Test("'ja' and 'weet ik niet' to the check question give the crisis answer")
    func checkYes() throws {
        for answer in ["ja", "weet ik niet"] {
            var chat = try atFirstQuestion()
            let check = chat.conversation.respond(to: "ik zie het niet meer zitten")
            #expect(check.safety == .check)
            #expect(
                PlainText.lines(for: check).contains(
                    "Denk je eraan om een eind aan je leven te maken, of om jezelf of iemand anders iets aan te doen?"))
            let crisis = chat.conversation.respond(to: answer)
            #expect(crisis.safety == .crisis, "\(answer)")
            #expect(PlainText.lines(for: crisis).contains("Ben je nu veilig?"))
        }
    }

    @Test(
        "'nee' to the check question thanks, says how to reach the lines, continues where they were, and is not asked again"
    )
    func checkNo() throws {
        var chat = try atFirstQuestion()
        _ = chat.say("ik zie het niet meer zitten")
        let no = chat.say("nee")
        #expect(
            no.first
                == "Dank je dat je het zegt. Verandert dat, typ dan 'crisis': dan zie je meteen wie je kunt bellen.")
        #expect(no.last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
        let again = chat.conversation.respond(to: "ik zie het echt niet meer zitten")
        #expect(again.safety == nil, "the same kind of words is not asked about again")
        #expect(PlainText.lines(for: again).contains("Hoe voel je je (lichamelijk en mentaal)?"))
        #expect(
            chat.conversation.respond(to: "ik wil dood").safety == .crisis, "a clear risk still gets the crisis answer")
    }

    @Test(
        "after 'nee' or 'weet ik niet' to 'ben je nu veilig?' the guide stays with the crisis until the person says otherwise"
    )
    func staysWithTheCrisis() throws {
        for answer in ["nee", "weet ik niet"] {
            var chat = try atFirstQuestion()
            _ = chat.say("ik wil er een eind aan maken")
            let notSafe = chat.say(answer)
            #expect(notSafe.first == "Bel nu 112. Vraag iemand in de buurt om bij je te blijven.")
            #expect(notSafe.contains { $0.hasPrefix("- 113 Zelfmoordpreventie") })
            #expect(
                notSafe.suffix(4) == [
                    "Ik blijf hier. Laat je weten hoe het gaat?", "  1. Ik heb gebeld, of er is iemand bij me",
                    "  2. Nog niet", "  3. Het is voorbij, ik ben nu veilig",
                ])
            #expect(!notSafe.contains("Welke gebeurtenissen van vandaag zijn je bijgebleven?"))
            let notYet = chat.say("nog niet")
            #expect(notYet.first == "Bel nu 112. Vraag iemand in de buurt om bij je te blijven.")
            let called = chat.say("1")
            #expect(
                called == [
                    "Goed dat je dat gedaan hebt.", "Wil je verder waar we waren, of stoppen?",
                    "  1. Verder waar we waren", "  2. Stoppen",
                ])
        }
    }

    @Test(
        "a conversation in which a crisis came up ends with the crisis lines: by 'stop', by Ctrl-D and by the goodbye node"
    )
    func endsWithCrisisLines() throws {
        for ending in ["stop", "ctrl-d", "node"] {
            var chat = try atFirstQuestion()
            _ = chat.say("ik wil dood")
            _ = chat.say("ja")
            let last: [String]
            switch ending {
            case "stop": last = chat.say("stop")
            case "ctrl-d": last = PlainText.lines(for: chat.conversation.endOfInput())
            default: last = chat.say("2")  // "Stoppen" in the crisis answer jumps to the goodbye node
            }
            #expect(last.contains { $0.hasPrefix("- 113 Zelfmoordpreventie") }, "\(ending)")
            #expect(last.contains { $0.hasPrefix("- 112") }, "\(ending)")
        }
        var calm = try atFirstQuestion()
        #expect(
            !calm.say("stop").contains { $0.hasPrefix("- 113") }, "without a crisis the goodbye has no crisis lines")
    }

    @Test(
        "after the crisis answer and 'Verder waar we waren', every way the conversation ends shows the crisis lines"
    )
    func crisisLinesAfterContinuing() throws {
        let endings: [(name: String, answers: [String])] = [
            ("finishing the check-in", ["Een dienst", "1", "1", "3"]),
            ("stop", ["stop"]),
            ("Ctrl-D", []),
            ("the menu's Stoppen", ["opnieuw", "6"]),
            ("vergeet mij", ["vergeet mij"]),
            ("a step back, then stop", ["terug", "stop"]),
        ]
        let openings: [(name: String, answers: [String])] = [
            ("the crisis answer", ["ik wil dood", "1", "1"]),
            ("'ja' to the check question", ["ik zie het niet meer zitten", "ja", "1", "1"]),
            ("someone else in danger", ["mijn collega wil nu van het dak springen, wat moet ik doen", "1"]),
        ]
        for opening in openings {
            for ending in endings {
                var chat = try atFirstQuestion()
                var last: [String] = []
                for answer in opening.answers { last = chat.say(answer) }
                #expect(last.last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?", "\(opening.name)")
                for answer in ending.answers { last = chat.say(answer) }
                if ending.answers.isEmpty { last = PlainText.lines(for: chat.conversation.endOfInput()) }
                #expect(chat.conversation.state.isFinished, "\(opening.name), \(ending.name)")
                #expect(last.contains { $0.hasPrefix("- 113 Zelfmoordpreventie") }, "\(opening.name), \(ending.name)")
                #expect(last.contains { $0.hasPrefix("- 112") }, "\(opening.name), \(ending.name)")
            }
        }
    }

    @Test("the crisis numbers of both regions typed alone give the crisis answer, in either region")
    func crisisNumbersAlone() throws {
        for region in Region.allCases {
            for number in ["112", "113", "0800-0113", "1813", "106"] {
                var chat = try atFirstQuestion(region: region)
                let reply = chat.conversation.respond(to: number)
                #expect(reply.safety == .crisis, "\(number) in \(region)")
                #expect(PlainText.lines(for: reply).contains("Ben je nu veilig?"), "\(number) in \(region)")
            }
        }
    }

    @Test(
        "a patient's suicide told inside the critical-event path is heard and taken as the answer, without a crisis answer"
    )
    func patientSuicideInsideTheEventPath() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("2")
        _ = chat.say("4")
        _ = chat.say("1")
        _ = chat.say("1")
        #expect(chat.say("gisteren").last == "Hoe voel je je (lichamelijk en mentaal)?")
        let reply = chat.conversation.respond(
            to: "een patiënt heeft zich vannacht van het leven beroofd en ik vond hem")
        let lines = PlainText.lines(for: reply)
        #expect(reply.safety == nil)
        #expect(lines.first == "Dat is heftig om mee te maken.")
        #expect(lines.contains("Dank je dat je het zegt.") || lines.contains("Dank je. Wat je voelt, mag er zijn."))
        #expect(!lines.contains("Dank je. Zo is het goed."))
        #expect(!lines.contains { $0.contains("113") })
        #expect(lines.contains { $0.hasPrefix("Heb je nu iets praktisch nodig?") }, "the talk goes on: \(lines)")
    }

    @Test(
        "a patient's death told at the first question of the check-in is kept as the answer and acknowledged; the three questions run on, and the critical-event path is offered first after the third"
    )
    func patientDeathAtTheCheckIn() throws {
        var chat = try atFirstQuestion()
        let reply = chat.conversation.respond(to: "een cliënt heeft een eind aan zijn leven gemaakt, ik was erbij")
        let lines = PlainText.lines(for: reply)
        #expect(reply.safety == nil)
        #expect(lines.starts(with: ["Dat is heftig om mee te maken."]))
        #expect(lines.contains("Hoe voel je je (lichamelijk en mentaal)?"), "question 2 follows: \(lines)")
        #expect(chat.say("verdoofd").contains("Heb je genoeg steun?"))
        let summary = chat.say("ja")
        #expect(summary.contains("Je noemde: een cliënt heeft een eind aan zijn leven gemaakt, ik was erbij."))
        #expect(summary.last == "  3. Niets, dank je")
        #expect(chat.say("1").contains("Wat voor gebeurtenis was het? Kies wat het meest past."))
    }

    @Test("in the not-safe loop the person can say it has passed: the lines stay named, then continue or stop")
    func itHasPassed() throws {
        var chat = try atFirstQuestion()
        _ = chat.say("ik wil er een eind aan maken")
        _ = chat.say("nee")
        #expect(
            chat.say("het is voorbij") == [
                "Goed dat het nu veiliger is. Komt het terug, bel dan meteen een van de lijnen hierboven, of 112.",
                "Wil je verder waar we waren, of stoppen?", "  1. Verder waar we waren", "  2. Stoppen",
            ])
    }

    @Test("someone else in danger now gets 112 and the crisis line for that person, in both languages")
    func someoneElseInDanger() throws {
        for (language, text, expected) in [
            (
                Language.nl, "mijn collega staat op het dak en zegt dat ze wil springen",
                "Is iemand nu in gevaar? Bel dan meteen 112. Blijf bij die persoon als dat veilig kan."
            ),
            (
                .en, "my friend just texted me goodbye and says she's going to end it tonight",
                "Is someone in danger right now? Then call 112 straight away. Stay with them if you can do so safely."
            ),
        ] {
            var chat = try atFirstQuestion(language)
            let reply = chat.conversation.respond(to: text)
            #expect(reply.safety == .crisis)
            let lines = PlainText.lines(for: reply)
            #expect(lines.first == expected)
            #expect(lines.contains { $0.hasPrefix("- 113 Zelfmoordpreventie") })
        }
    }

    @Test("'vergeet mij' ends the conversation, keeps nothing of it, and asks the door to delete what was remembered")
    func forgetMe() throws {
        var chat = try atFirstQuestion()
        _ = chat.say("ik wil dood")
        let reply = chat.conversation.respond(to: "vergeet mij")
        #expect(reply.isFinished)
        #expect(reply.effects == [.forgetConversation])
        let lines = PlainText.lines(for: reply)
        #expect(
            lines.first
                == "Gewist: dit gesprek en alles wat gids over je onthield. Wil je later weer praten, begin dan gewoon opnieuw."
        )
        #expect(
            lines.contains { $0.hasPrefix("- 113 Zelfmoordpreventie") },
            "after a crisis the crisis lines stay on screen")
        #expect(chat.conversation.state.settings.followUp == nil)
    }

    @Test("clinical and training talk is answered as any other message")
    func clinicalTalk() throws {
        var chat = try atFirstQuestion()
        let reply = chat.conversation.respond(to: "ik heb volgende week de suïcidepreventie-training van 113")
        #expect(reply.safety == nil)
        #expect(PlainText.lines(for: reply).contains("Hoe voel je je (lichamelijk en mentaal)?"))
    }
}
