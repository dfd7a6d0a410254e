import Foundation
import Guide
import Testing
import TextReading
import YarnScript

/// A copy of the shipped Dialogues folder to break things in, removed by the caller.
private func copyOfDialogues() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-content-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Dialogues"), to: folder)
    return folder
}

/// Replaces whole lines of a content file (each line as it stands, the first time it stands
/// there), and returns the line number of each, counted from 1.
private func replaceLines(in file: URL, _ replacements: [(String, String)]) throws -> [Int] {
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    let numbers = try replacements.map { old, new in
        let index = try #require(lines.firstIndex(of: old))
        lines[index] = new
        return index + 1
    }
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    return numbers
}

/// Content with mistakes is refused with file:line:col, and gids does not start.
@Suite struct ContentLoadingTests {
    func errors(_ folder: URL, organisation: String? = nil) -> [String] {
        GuideContent.check(folder.path, organisationFile: organisation).1.filter { $0.severity == .error }.map(
            \.description)
    }

    @Test("the shipped content loads without warnings")
    func shippedContentIsClean() {
        let (content, diagnostics) = GuideContent.check(repositoryRoot.appendingPathComponent("Dialogues").path)
        #expect(content != nil)
        #expect(diagnostics.map(\.description) == [])
    }

    @Test("an organisation file with a mistake is reported with its line and column")
    func brokenOrganisation() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("org-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "organisation: Test\nentries:\n  - id: team\n    step: 2\n    name: Team\n    for: Praten\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(
            errors(repositoryRoot.appendingPathComponent("Dialogues"), organisation: file.path) == [
                "\(file.path):3:5: error: an entry needs 'reach:'"
            ])
        try
            "organisation: Test\nentries:\n  - id: team\n    step: 8\n    name: Team\n    for: Praten\n    reach: Bel\n    colour: blue\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let found = errors(repositoryRoot.appendingPathComponent("Dialogues"), organisation: file.path)
        #expect(
            found.contains(
                "\(file.path):8:5: error: unknown field 'colour' in an entry; expected anonymous, cost, crisis, for, hours, id, name, reach, referral, step, title"
            ))
        try "organisation: [unclosed\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(
            errors(repositoryRoot.appendingPathComponent("Dialogues"), organisation: file.path).first?.hasPrefix(
                "\(file.path):") == true)
    }

    @Test("a directory entry without a text for every language is an error at that field")
    func missingTranslation() throws {
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("directory/nl.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "name: {nl: \"Een collega\", en: \"A colleague\"}", with: "name: {nl: \"Een collega\"}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(
            errors(folder).contains {
                $0.hasPrefix("\(file.path):") && $0.hasSuffix("error: name needs a text for en too")
            })
    }

    @Test("a safety pattern without words, or naming an unknown list, is an error at its line and column")
    func brokenLexicon() throws {
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("safety/en.yaml")
        let changed = try replaceLines(
            in: file,
            [("  - \"dead tired\"", "  - \"* *\""), ("  - \"suicide prevention\"", "  - \"suicide {preventions}\"")])
        let found = errors(folder)
        #expect(found.contains("\(file.path):\(changed[0]):5: error: this pattern has no words"))
        #expect(
            found.contains {
                $0.hasPrefix("\(file.path):\(changed[1]):5: error: there is no list of words called 'preventions'")
            })
    }

    @Test("a practice pattern naming an unknown list is an error at its line and column; the shipped practice is clean")
    func brokenPracticeLexicon() throws {
        let shipped = PracticeContent.check(repositoryRoot.appendingPathComponent("Dialogues").path, net: nil)
        #expect(shipped.0 != nil && shipped.1.isEmpty, "\(shipped.1)")
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("practice/en.yaml")
        let changed = try replaceLines(
            in: file, [("      - \"?round {you} head\"", "      - \"?round {no_such_list} head\"")])
        let (practice, diagnostics) = PracticeContent.check(folder.path, net: nil)
        #expect(practice == nil)
        #expect(
            diagnostics.map(\.description).contains(
                "\(file.path):\(changed[0]):9: error: there is no list of words called 'no_such_list'"))
    }

    @Test("a dialogue without a node gids needs is refused")
    func missingSystemNode() throws {
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("en/systeem.yarn")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "title: Failure", with: "title: Failed")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(
            errors(folder).contains(
                "\(folder.appendingPathComponent("en").path):1:1: error: the en dialogue has no node 'Failure', which gids starts directly"
            ))
    }
}

@Suite struct LocaleTests {
    @Test(
        "language and region come from the locale",
        arguments: [
            ("nl_BE.UTF-8", Language.nl, Region.be), ("nl_NL.UTF-8", .nl, .nl), ("en_GB.UTF-8", .en, nil),
            ("C", nil, nil), ("", nil, nil),
        ] as [(String, Language?, Region?)])
    func fromLocale(locale: String, language: Language?, region: Region?) {
        #expect(Language(locale: locale) == language)
        #expect(Region(locale: locale) == region)
    }

    @Test("LC_ALL wins over LANG")
    func precedence() {
        #expect(LocaleSettings.locale(in: ["LC_ALL": "nl_BE", "LANG": "en_US"]) == "nl_BE")
        #expect(LocaleSettings.locale(in: ["LANG": "en_US"]) == "en_US")
    }

    @Test("typed text is cleaned of escape sequences and control characters")
    func sanitising() {
        #expect(
            TextNormalizer.sanitized("moe\u{1B}[2J\u{1B}]0;title\u{07}\u{0}  en\tverdrietig\r\n") == "moe en verdrietig"
        )
    }
}

@Suite struct SideNodeTests {
    @Test("a node run on the side (help) carries on past a host command to the lines after it")
    func linesAfterHostCommand() throws {
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("en/systeem.yarn")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "If you're not safe right now, you can contact:\n<<crisis_lines>>\n===",
            with: "If you're not safe right now, you can contact:\n<<crisis_lines>>\nAnd after the lines, this.\n===")
        try text.write(to: file, atomically: true, encoding: .utf8)
        var conversation = Conversation(
            content: try GuideContent.load(from: folder.path), language: .en, region: .nl, seed: 1)
        _ = conversation.start()
        let help = PlainText.lines(for: conversation.respond(to: "help"))
        #expect(help.contains("And after the lines, this."))
        #expect(help.contains { $0.contains("113 Zelfmoordpreventie") })
    }

    @Test(
        "a dialogue that loops is stopped: one line a time round, or host commands a time round; the person gets the failure answer, the operator the problem"
    )
    func runawayDialogue() throws {
        let longLine = String(repeating: "Nog een keer, en nog een keer. ", count: 40)
        for (loop, limit) in [
            // Lines without a pause: the machine's own limit.
            ("title: Rondje\n---\nNog een keer.\n<<jump Rondje>>\n===\n", "more than 1000 lines"),
            // A host command between the lines: the reply's limits, on messages and on bytes.
            ("title: Rondje\n---\nNog een keer.\n<<remember 1>>\n<<jump Rondje>>\n===\n", "more than 200 messages"),
            ("title: Rondje\n---\n\(longLine)\n<<remember 1>>\n<<jump Rondje>>\n===\n", "past 65536 bytes"),
            // Host commands alone: the limit on resumes.
            ("title: Rondje\n---\n<<remember 1>>\n<<jump Rondje>>\n===\n", "more than 1000 host commands"),
        ] {
            let folder = try copyOfDialogues()
            defer { try? FileManager.default.removeItem(at: folder) }
            try loop.write(to: folder.appendingPathComponent("nl/rondje.yarn"), atomically: true, encoding: .utf8)
            let menu = folder.appendingPathComponent("nl/start.yarn")
            let text = try String(contentsOf: menu, encoding: .utf8).replacingOccurrences(
                of: "-> Stoppen\n    <<jump Goodbye>>", with: "-> Stoppen\n    <<jump Rondje>>")
            try text.write(to: menu, atomically: true, encoding: .utf8)
            var conversation = Conversation(
                content: try GuideContent.load(from: folder.path), language: .nl, region: .nl, seed: 1)
            _ = conversation.start()
            let reply = conversation.respond(to: "6")
            #expect(reply.messages.count < 50, "\(reply.messages.count) messages")
            #expect(reply.isFinished)
            #expect(
                PlainText.lines(for: reply).contains { $0.hasPrefix("- 113") },
                "the failure answer carries the crisis lines")
            #expect(reply.problems.contains { $0.contains(limit) }, "\(reply.problems)")
        }
    }

    @Test(
        "an answer in the person's own words to a node edited since is not kept: the notice says it was not used, and it is not"
    )
    func ownWordsAfterAnUpdateAreNotKept() throws {
        let folder = try copyOfDialogues()
        defer { try? FileManager.default.removeItem(at: folder) }
        var before = Conversation(
            content: try GuideContent.load(from: folder.path), language: .nl, region: .nl, seed: 1)
        _ = before.start()
        #expect(
            PlainText.lines(for: before.respond(to: "1")).contains(
                "Welke gebeurtenissen van vandaag zijn je bijgebleven?"))

        let checkin = folder.appendingPathComponent("nl/checkin.yarn")
        try String(contentsOf: checkin, encoding: .utf8).replacingOccurrences(
            of: "Welke gebeurtenissen van vandaag zijn je bijgebleven?\n",
            with: "Welke gebeurtenissen van vandaag zijn je bijgebleven?\nNoem er gerust een paar.\n"
        ).write(to: checkin, atomically: true, encoding: .utf8)
        var after = Conversation(content: try GuideContent.load(from: folder.path), state: before.state)
        let lines = PlainText.lines(for: after.respond(to: "een reanimatie op de gang"))
        #expect(
            lines.first?.hasPrefix(
                "Sinds je vorige bericht is gids bijgewerkt. Je laatste antwoord kon ik daardoor niet gebruiken")
                == true)
        #expect(lines.contains("Noem er gerust een paar."))
        #expect(after.state.dialogue.variables["$gebeurtenis"]?.text ?? "" == "")
        // Answered again, it is kept as always.
        _ = after.respond(to: "een drukke dienst")
        #expect(after.state.dialogue.variables["$gebeurtenis"]?.text == "een drukke dienst")
    }
}
