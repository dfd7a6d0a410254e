import DialogueRuntime
import Foundation
import Testing

@testable import Guide

/// A conversation on the shipped content, described as plain lines per turn.
struct Chat {
    var conversation: Conversation

    init(language: Language = .nl, region: Region? = .nl, organisation: String? = nil) throws {
        let content =
            organisation == nil
            ? try shippedContent()
            : try GuideContent.load(
                from: repositoryRoot.appendingPathComponent("Dialogues").path, organisationFile: organisation)
        conversation = Conversation(content: content, language: language, region: region, seed: 1)
    }

    mutating func start() -> [String] { PlainText.lines(for: conversation.start()) }
    /// What gids says to `text`, with anything it keeps or writes done.
    mutating func say(_ text: String) -> [String] {
        PlainText.lines(for: conversation.finishing(conversation.respond(to: text)) { _ in .done })
    }
}

@Suite struct ConversationTests {
    @Test("the check-in asks the three questions verbatim and in order")
    func threeQuestions() throws {
        var chat = try Chat()
        _ = chat.start()
        #expect(chat.say("1").last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
        #expect(chat.say("Een lange dienst").contains("Hoe voel je je (lichamelijk en mentaal)?"))
        #expect(chat.say("moe").first == "Heb je genoeg steun?")
        let summary = chat.say("gedeeltelijk")
        #expect(summary.contains("Je noemde: Een lange dienst."))
        #expect(summary.contains("Over hoe je je voelt zei je: moe."))
        #expect(summary.contains("Steun: voor een deel."))
    }

    @Test("free text at the feelings question is kept in the person's words, cleaned of control characters")
    func freeTextFeeling() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("1")
        _ = chat.say("De overdracht")
        _ = chat.say("opgejaagd\u{1B}[31m en\u{07} moe")
        let summary = chat.say("ja")
        #expect(summary.contains("Over hoe je je voelt zei je: opgejaagd en moe."))
    }

    @Test("a long answer is cut to the maximum length")
    func longAnswer() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("1")
        _ = chat.say(String(repeating: "a", count: 5000))
        _ = chat.say("moe")
        let summary = chat.say("ja")
        #expect(summary.contains("Je noemde: \(String(repeating: "a", count: Conversation.maximumAnswerLength))."))
    }

    @Test("a crisis phrase in any state gets the crisis answer, and 'continue' returns to the same question")
    func crisisAndResume() throws {
        var chat = try Chat(region: .be)
        _ = chat.start()
        _ = chat.say("1")
        let crisis = chat.say("ik wil er een einde aan maken")
        #expect(crisis.contains { $0.contains("Zelfmoordlijn 1813") })
        #expect(crisis.contains { $0.contains("112") })
        #expect(crisis.contains("Ben je nu veilig?"))
        #expect(!crisis.contains { $0.contains("113 Zelfmoordpreventie") })
        let afterSafe = chat.say("ja")
        #expect(afterSafe.last == "  2. Stoppen")
        let resumed = chat.say("verder")
        #expect(resumed.last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
        #expect(chat.say("Een drukke dag").contains("Hoe voel je je (lichamelijk en mentaal)?"))
    }

    @Test("before the region is known, the crisis answer gives the lines of both regions")
    func crisisWithoutRegion() throws {
        var chat = try Chat(region: nil)
        _ = chat.start()
        let crisis = chat.say("112")
        #expect(crisis.contains { $0.contains("113 Zelfmoordpreventie") })
        #expect(crisis.contains { $0.contains("Zelfmoordlijn 1813") })
    }

    @Test("the organisation's 24/7 contact comes first in the crisis answer")
    func organisationCrisisLine() throws {
        var chat = try Chat(
            organisation: repositoryRoot.appendingPathComponent("Examples/org/voorbeeld-ziekenhuis.yaml").path)
        _ = chat.start()
        let lines = chat.say("crisis").filter { $0.hasPrefix("- ") }
        #expect(lines.first?.contains("Dienstdoende psycholoog Voorbeeldziekenhuis") == true)
    }

    @Test(
        "help-directory text is shown as written, its names in bold: brackets in an organisation's entry are not markup"
    )
    func directoryTextAsWritten() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("org-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        organisation: Ziekenhuis [test]
        entries:
          - id: team
            step: 2
            name: {nl: "Team [b]COS[/b] [intern]", en: "Team"}
            for: {nl: "Een gesprek [nu].", en: "A talk."}
            reach: {nl: "Bel 4321.", en: "Call 4321."}
        """.write(to: file, atomically: true, encoding: .utf8)
        var chat = try Chat(organisation: file.path)
        _ = chat.conversation.start()
        _ = chat.conversation.respond(to: "3")
        let step = chat.conversation.respond(to: "2").messages
        let entry = try #require(step.first { $0.text.contains("Team [b]COS") })
        #expect(entry.text == "- Team [b]COS[/b] [intern]: Een gesprek [nu]. Bel 4321.")
        let bold = try #require(entry.attributes.first)
        #expect(entry.attributes.count == 1 && bold.name == "b")
        #expect(String(entry.text.dropFirst(bold.position).prefix(bold.length)) == "Team [b]COS[/b] [intern]")
        #expect(step.first?.attributes.first.map { $0.position == 0 && $0.length == step.first?.text.count } == true)
    }

    @Test("'terug' goes back one step; at the start it shows the question again")
    func back() throws {
        var chat = try Chat()
        let first = chat.start()
        #expect(chat.say("terug").suffix(5) == first.suffix(5))
        _ = chat.say("1")
        _ = chat.say("Een drukke dag")
        let back = chat.say("terug")
        #expect(back.last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
        _ = chat.say("Een rustige dag")
        _ = chat.say("moe")
        #expect(chat.say("ja").contains("Je noemde: Een rustige dag."))
    }

    @Test("'opnieuw' starts again, 'hulp' explains the commands and shows the crisis lines, 'stop' ends")
    func commands() throws {
        var chat = try Chat()
        let first = chat.start()
        _ = chat.say("1")
        #expect(chat.say("opnieuw").suffix(5) == first.suffix(5))
        let help = chat.say("HULP")
        #expect(help.first?.contains("'terug' voor een stap terug") == true)
        #expect(help.contains { $0.contains("113 Zelfmoordpreventie") })
        #expect(help.last == "  6. Stoppen")
        let goodbye = chat.conversation.respond(to: "stop")
        #expect(goodbye.isFinished)
        #expect(chat.conversation.state.isFinished)
    }

    @Test("Ctrl-D ends politely with the summary so far")
    func endOfInput() throws {
        var chat = try Chat(language: .en)
        _ = chat.start()
        _ = chat.say("1")
        _ = chat.say("A long night")
        let reply = chat.conversation.endOfInput()
        #expect(reply.isFinished)
        #expect(PlainText.lines(for: reply).contains("Stayed with you: A long night."))
    }

    @Test("answers match options by number, text or an unambiguous start, ignoring case and accents")
    func optionMatching() {
        let options = ["Boos of geïrriteerd", "Goed", "Gespannen of onrustig"]
        #expect(OptionMatcher.match("2", in: options) == 1)
        #expect(OptionMatcher.match("BOOS OF GEIRRITEERD", in: options) == 0)
        #expect(OptionMatcher.match("ges", in: options) == 2)
        #expect(OptionMatcher.match("g", in: options) == nil)
        #expect(OptionMatcher.match("4", in: options) == nil)
        #expect(OptionMatcher.match("", in: options) == nil)
    }

    @Test(
        "answers also match by another name, by words that stand in one option only, and with one typo in a longer word"
    )
    func optionWords() {
        let regions = ["In Nederland", "In Vlaanderen (België)"]
        #expect(OptionMatcher.match("Nederland", in: regions) == 0)
        #expect(OptionMatcher.match("belgië", in: regions) == 1)
        #expect(OptionMatcher.match("vlaanderen", in: regions) == 1)
        #expect(OptionMatcher.match("BE", in: regions, aliases: [["NL"], ["BE"]]) == 1)
        #expect(OptionMatcher.match("in", in: regions) == nil)
        let menu = ["Een korte check-in: drie vragen over je dag", "Er is iets ingrijpends gebeurd", "Stoppen"]
        #expect(OptionMatcher.match("check-in", in: menu) == 0)
        #expect(OptionMatcher.match("chek-in", in: menu) == 0)
        #expect(OptionMatcher.match("koffie", in: menu) == nil)
    }

    @Test("with no region known yet, the crisis lines come under each country's heading, and 112 once")
    func crisisLinesWithoutRegion() throws {
        var chat = try Chat(region: nil)
        _ = chat.start()
        let lines = chat.say("crisis")
        #expect(lines.contains("In Nederland"))
        #expect(lines.contains("In Vlaanderen (België)"))
        #expect(lines.filter { $0.hasPrefix("- 112") }.count == 1)
        let nl = try #require(lines.firstIndex(of: "In Nederland"))
        let be = try #require(lines.firstIndex(of: "In Vlaanderen (België)"))
        #expect(lines[nl..<be].contains { $0.hasPrefix("- 113") })
        #expect(lines[be...].contains { $0.hasPrefix("- Zelfmoordlijn 1813") && $0.contains("chatten: op vaste uren") })
    }

    @Test(
        "a number that is not there says which numbers there are; 'terug' at the first question says there is nothing to go back to"
    )
    func outOfRangeAndNoWayBack() throws {
        var chat = try Chat(region: nil)
        _ = chat.start()
        #expect(chat.say("terug").first == "Verder terug kan niet.")
        #expect(chat.say("7").first == "Kies een nummer van 1 tot en met 3, of typ het begin van een keuze.")
    }

    @Test(
        "in a chat bridge, 'Oefenen' says practice needs gids on a computer and offers the way back, not a command that cannot run there"
    )
    func practiceInABridge() throws {
        let settings = ConversationSettings(
            language: .nl, region: .nl, seed: 1, today: DayDate(year: 2026, month: 3, day: 12)!,
            memoryLocation: ConversationSettings.bridgeMemory, canWriteFiles: false, keptHours: 12)
        var chat = Chat(conversation: Conversation(content: try shippedContent(), settings: settings))
        _ = chat.start()
        let lines = chat.say("5")
        #expect(lines.first?.hasPrefix("Oefenen kan niet in deze chat.") == true)
        #expect(lines.suffix(2) == ["  1. Terug naar het begin", "  2. Stoppen"])
        var terminal = try Chat()
        _ = terminal.start()
        #expect(terminal.say("5").first?.hasPrefix("Oefenen doe je met het commando 'gids practice'.") == true)
    }

    @Test(
        "'gids memory' says of each talk in words what it found: not asked, none, the signals, skipped questions; never '-'"
    )
    func memoryInWords() throws {
        let event = DayDate(year: 2026, month: 3, day: 1)!
        let followUp = FollowUp(
            eventDate: event, eventKind: "klacht", isPileUp: false, schedule: .olvg,
            talks: [
                .init(number: 1, date: event, signals: [], signalsAsked: false),
                .init(number: 2, date: event.adding(days: 14), signals: [6, 13], skippedQuestions: 2),
                .init(number: 3, date: event.adding(days: 30), signals: []),
            ])
        let settings = ConversationSettings(
            language: .nl, region: .nl, seed: 1, today: event.adding(days: 31), followUp: followUp,
            memoryLocation: "/tmp/gids.sqlite")
        var conversation = Conversation(content: try shippedContent(), settings: settings)
        let lines = PlainText.lines(for: conversation.memoryDescription())
        #expect(lines.contains("1 maart 2026: de signalen kwamen niet aan bod."))
        #expect(lines.contains("15 maart 2026: slaapproblemen; schuld en schaamte; vragen overgeslagen: 2."))
        #expect(lines.contains("31 maart 2026: geen van de signalen herkend."))
        #expect(!lines.contains { $0.contains(": -") })
    }

    @Test("typing the name of a service in the help map chooses its step")
    func serviceNameChoosesStep() throws {
        var chat = try Chat(region: .be)
        _ = chat.start()
        _ = chat.say("3")
        #expect(chat.say("arbeidsarts").first == "In je organisatie")
        _ = chat.say("ja")
        #expect(chat.say("CAW").first == "Eerstelijnszorg")
    }

    @Test("the person's own words come back addressed to them")
    func addressed() {
        #expect(AddressedText.addressed("mijn teamleider") == "je teamleider")
        #expect(AddressedText.addressed("Mijn huisarts") == "Je huisarts")
        #expect(AddressedText.addressed("my GP") == "your GP")
        #expect(AddressedText.addressed("de POH-GGZ") == "de POH-GGZ")
    }

    @Test("a saved conversation continues exactly where it was")
    func savedState() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("1")
        let restored = Conversation(content: try shippedContent(), state: chat.conversation.state)
        var copy = Chat(conversation: restored)
        #expect(copy.say("Een dag") == chat.say("Een dag"))
    }

    @Test("the binary form keeps everything: settings, follow-up, prompt, history and a crisis interruption")
    func binaryState() throws {
        let event = DayDate(year: 2026, month: 3, day: 12)!
        let followUp = FollowUp(
            eventDate: event, eventKind: "agressie", isPileUp: true, schedule: .trim,
            talks: [
                .init(number: 1, date: event.adding(days: 2), signals: [], signalsAsked: false),
                .init(number: 2, date: event.adding(days: 16), signals: [1, 6, 13], skippedQuestions: 3),
            ])
        let settings = ConversationSettings(
            language: .nl, region: .be, seed: .max, today: event.adding(days: 40), schedule: .rpog, followUp: followUp,
            memoryLocation: "/tmp/ergens", canWriteFiles: false)
        var chat = Chat(conversation: Conversation(content: try shippedContent(), settings: settings))
        _ = chat.start()
        _ = chat.say("1")
        _ = chat.say("ik wil er een einde aan maken")  // the crisis answer interrupts the check-in
        _ = chat.say("ja")
        let state = chat.conversation.state
        let bytes = state.binaryEncoded()
        #expect(try ConversationState(binary: bytes) == state)
        #expect(bytes.count < 4_096, "a stored session stays small: \(bytes.count) bytes")
        var copy = try Chat(stored: bytes)
        #expect(copy.say("verder") == chat.say("verder"))
        for length in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: BinaryStateError.self) { try ConversationState(binary: Array(bytes.prefix(length))) }
        }
        #expect(throws: BinaryStateError.unknownVersion) { try ConversationState(binary: Array("{}".utf8)) }
    }

    @Test("a state stored by the previous version (1) is read, its history included")
    func binaryStateVersion1() throws {
        let hex = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/GuideTests/Fixtures/conversation-state-v1.hex"),
            encoding: .utf8)
        let bytes = stride(from: 0, to: hex.utf8.count - 1, by: 2).map {
            UInt8(hex.dropFirst($0).prefix(2), radix: 16) ?? 0
        }
        let state = try ConversationState(binary: bytes)
        #expect(
            state.language == .nl && state.settings.region == .be && state.settings.followUp?.eventKind == "agressie")
        #expect(
            state.binaryEncoded().first == ConversationState.binaryFormatVersion,
            "from then on it is stored in the current form")
        #expect(state.settings.followUp?.talks.allSatisfy { $0.signalsAsked && $0.skippedQuestions == 0 } == true)
        var chat = Chat(conversation: Conversation(content: try shippedContent(), state: state))
        #expect(
            chat.say("terug") == ["Hoe zijn de afgelopen weken gegaan?"],
            "back leaves the crisis answer for the question before it")
        #expect(
            chat.say("terug").last == "  3. Nee, en vergeet wat je over mij onthoudt",
            "and further back, to the follow-up's first question")
    }

    @Test(
        "a conversation stored and read again after every turn, as gids serve keeps it, goes back as one kept in memory"
    )
    func historyThroughStore() throws {
        var kept = try Chat()
        var stored = try Chat()
        #expect(stored.start() == kept.start())
        let answers = ["1", "help", "Een lange dienst", "wat?", "moe", "gedeeltelijk", "2"]
        for answer in answers {
            stored = try Chat(stored: stored.conversation.state.binaryEncoded())
            #expect(stored.say(answer) == kept.say(answer))
        }
        for _ in answers {
            stored = try Chat(stored: stored.conversation.state.binaryEncoded())
            #expect(stored.say("terug") == kept.say("terug"))
        }
        #expect(stored.conversation.state == kept.conversation.state)
        #expect(stored.conversation.state.binaryEncoded() == kept.conversation.state.binaryEncoded())
    }

    @Test("a state read from bytes and then changed is stored with its change, whichever part changed")
    func changedAfterReading() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("1")
        let bytes = chat.conversation.state.binaryEncoded()
        var newPrompt = try ConversationState(binary: bytes)
        newPrompt.prompt = .finished
        #expect(try ConversationState(binary: newPrompt.binaryEncoded()).prompt == .finished)
        var newDialogue = try ConversationState(binary: bytes)
        newDialogue.dialogue.variables["$bijgebleven"] = .string("iets")
        #expect(try ConversationState(binary: newDialogue.binaryEncoded()).dialogue == newDialogue.dialogue)
        #expect(try ConversationState(binary: bytes).binaryEncoded() == bytes, "unchanged, it is stored as it was read")
    }

    @Test("'terug' after a stored state is restored goes back the same way; a damaged moment is passed over")
    func historyRestored() throws {
        var chat = try Chat()
        _ = chat.start()
        _ = chat.say("1")
        _ = chat.say("Een lange dienst")
        let bytes = chat.conversation.state.binaryEncoded()
        var copy = try Chat(stored: bytes)
        #expect(copy.say("terug") == chat.say("terug"))
        #expect(copy.say("terug") == chat.say("terug"))

        // The oldest moment (the menu) is the only place its options are stored: damage it.
        var damaged = bytes
        let marker = Array("Een korte check-in".utf8)
        let offset = try #require(
            (0...(damaged.count - marker.count)).first { damaged[$0..<($0 + marker.count)].elementsEqual(marker) })
        damaged[offset] = 0xFF
        var broken = try Chat(stored: damaged)
        let previous = broken.say("terug")
        #expect(previous.last == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
        #expect(
            broken.say("terug") == ["Verder terug kan niet.", previous.last ?? ""],
            "nothing older to go back to: said, and the question again")
    }
}

extension Chat {
    init(conversation: Conversation) {
        self.conversation = conversation
    }

    /// A chat continued from a stored state, as `gids serve` continues a session.
    init(stored bytes: [UInt8]) throws {
        self.init(
            conversation: Conversation(content: try shippedContent(), state: try ConversationState(binary: bytes)))
    }
}
