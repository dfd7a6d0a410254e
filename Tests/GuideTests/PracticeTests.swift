import Foundation
import Guide
import TestSupport
import Testing

/// A labelled utterance: what a trainer says it does.
private struct Labelled {
    var language: Language
    var categories: Set<String>
    var text: String
}

/// The hand-labelled set, plus every candidate response of the shipped scenarios with its `#move` tags.
private func labelledSet() throws -> [Labelled] {
    let fixture = try String(
        contentsOf: repositoryRoot.appendingPathComponent("Corpora/practice/practice-labelled.tsv"),
        encoding: .utf8)
    var set: [Labelled] = fixture.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        let categories = fields[1] == "-" ? [] : Set(fields[1].split(separator: ",").map(String.init))
        return Labelled(
            language: Language(rawValue: String(fields[0]))!, categories: categories, text: String(fields[2]))
    }
    for language in Language.sources {
        let folder = repositoryRoot.appendingPathComponent("Dialogues/practice/\(language.rawValue)")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".yarn") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n")
            where line.trimmingCharacters(in: .whitespaces).hasPrefix("->") && line.contains("#move:") {
                let body = line.trimmingCharacters(in: .whitespaces).dropFirst(2)
                let hash = body.firstIndex(of: "#")!
                let moves = body[hash...].split(separator: " ").filter { $0.hasPrefix("#move:") }.map {
                    String($0.dropFirst(6))
                }
                set.append(
                    Labelled(
                        language: language, categories: Set(moves),
                        text: body[..<hash].trimmingCharacters(in: .whitespaces)))
            }
        }
    }
    return set
}

/// A practice session with the shipped content, started at the choice of scenario.
private func startedPractice(_ language: Language = .nl, seed: UInt64 = 1) throws -> PracticeSession {
    var session = PracticeSession(
        content: try shippedContent(), practice: try shippedPractice(),
        settings: ConversationSettings(language: language, region: .nl, seed: seed, today: .today()))
    _ = session.start()
    return session
}

@Suite struct PracticeTests {
    @Test(
        "the lexicons name what trainee utterances do: at least 85% accuracy per category on 300+ labelled utterances")
    func classificationAccuracy() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        let set = try labelledSet()
        #expect(set.count >= 300, "the labelled set has \(set.count) utterances")
        let categories = practice.lexicons.nl.categories.map(\.id)
        var lines: [String] = []
        var misses: [String] = []
        for category in categories {
            var correct = 0
            var truePositive = 0
            var positive = 0
            for item in set {
                let found = practice.lexicons[item.language].classify(item.text).map(\.category).contains(category)
                let expected = item.categories.contains(category)
                if found == expected {
                    correct += 1
                } else {
                    misses.append(
                        "\(category) \(expected ? "missed" : "wrongly found") in \(item.language): \(item.text)")
                }
                if expected { positive += 1 }
                if expected, found { truePositive += 1 }
            }
            let accuracy = Double(correct) / Double(set.count)
            lines.append(
                String(
                    format: "%-16@ accuracy %5.1f%%  recall %3d/%-3d", category as NSString, accuracy * 100,
                    truePositive, positive))
            #expect(accuracy >= 0.85, "\(category): \(accuracy)")
        }
        print(
            "practice classification on \(set.count) labelled utterances (nl and en):\n" + lines.joined(separator: "\n")
        )
        print(
            "practice classification: \(misses.count) differences from the labels:\n" + misses.joined(separator: "\n"))
    }

    @Test("a trainee who types a real crisis phrase gets the real crisis answer, not a game one")
    func crisisInsidePractice() throws {
        var session = try startedPractice()
        _ = session.respond(to: "1")
        let crisis = PlainText.lines(for: session.respond(to: "ik wil er een einde aan maken"))
        #expect(crisis.contains { $0.contains("113") })
        #expect(!crisis.contains { $0.hasPrefix("Feedback") })
        #expect(session.turns.isEmpty, "a crisis phrase is not scored as a move")
    }

    @Test(
        "a trainee asking the simulated colleague about suicide practises a skill: no crisis answer, the colleague answers"
    )
    func askingTheColleague() throws {
        for (language, question) in [
            (Language.nl, "Denk je weleens aan zelfmoord?"), (.en, "Are you having thoughts of ending your life?"),
            (
                .nl,
                "Sommige collega's denken na zoiets aan een eind aan hun leven te maken. Denk jij daar ook aan?"
            ),
            (
                .en,
                "Sometimes when things are this heavy people think about ending their life. Are you having thoughts of suicide?"
            ),
        ] {
            var session = try startedPractice(language)
            let before = session.respond(to: "1").options.map(\.text)
            let reply = session.respond(to: question)
            let lines = PlainText.lines(for: reply)
            #expect(reply.safety == nil, "\(question)")
            #expect(lines.contains { $0.hasPrefix("Feedback") })
            #expect(
                lines.contains { $0.hasPrefix("Floor: ") && $0.contains(language == .nl ? "Nee." : "No.") },
                "the colleague answers the question: \(lines)")
            #expect(reply.options.map(\.text) == before, "and the trainee goes on from the same moment")
            #expect(session.turns.map(\.text) == [question], "the question is scored as the trainee's move")
        }
        var session = try startedPractice()
        _ = session.respond(to: "6")
        let reply = session.respond(to: "Het kind is overleden. Wat deed dat met je?")
        #expect(
            !PlainText.lines(for: reply).contains("Dat is heftig om mee te maken."),
            "a death in the scenario is the role play, not the trainee's news")
        #expect(session.turns.count == 1)
    }

    @Test("typed words are classified with the reason, and the colleague reacts to the kind of move they make")
    func typedResponse() throws {
        var session = try startedPractice(.en)
        _ = session.respond(to: "2")  // the medication incident
        let reply = PlainText.lines(for: session.respond(to: "So what exactly happened? Tell me everything."))
        #expect(reply.contains { $0.hasPrefix("Feedback: probing for details.") })
        #expect(
            !reply.contains { $0.contains("practice/en.yaml") || $0.contains("'") && $0.contains("~") },
            "pattern internals are for --explain")
        #expect(reply.contains("Mark: (silence) Hm. I'm not sure I should be here."), "the answer to a mistake")
        #expect(session.turns.map(\.text) == ["So what exactly happened? Tell me everything."])
    }

    @Test(
        "'stop' in the middle of a scenario shows the debrief of the turns so far (what had no chance yet: not reached), practice's own goodbye, and the report is Markdown"
    )
    func stopAndReport() throws {
        var session = try startedPractice()
        _ = session.respond(to: "4")
        _ = session.respond(to: "Ik beloof je: niemand komt dit te weten.")
        let ending = PlainText.lines(for: session.respond(to: "stop"))
        #expect(ending.first == "Nabespreking: Een incident met een medicatiefout (gesprek 1)")
        #expect(ending.contains("- Je rol en de grenzen ervan noemen: nog niet"))
        #expect(ending.contains("- De signalen rustig nagaan: niet aan toegekomen"))
        #expect(ending.last?.hasPrefix("Succes met je gesprekken") == true)
        #expect(
            ending.contains(
                "    \"Ik beloof je: niemand komt dit te weten.\" (geheimhouding beloven die je niet kunt waarmaken)"))
        let last = try #require(session.lastDebrief)
        let markdown = last.debrief.markdown(session.lexicon, turns: last.turns)
        #expect(markdown.hasPrefix("# Nabespreking oefengesprek\n"))
        #expect(markdown.contains("| Je rol en de grenzen ervan noemen | nog niet |"))
        #expect(
            markdown.contains(
                "1. Ik beloof je: niemand komt dit te weten. (geheimhouding beloven die je niet kunt waarmaken"))
    }

    @Test(
        "on the development corpus written apart from the lexicons: at least 85% recall for every move with 10 or more examples, 90% micro-averaged",
        .enabled(if: SharedTestData.corpora.isPresent, SharedTestData.corpora.skipReason)
    )
    func developmentCorpus() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        let text = try String(contentsOf: SharedTestData.corpora.file("practice-dev.tsv"), encoding: .utf8)
        let evaluation = PracticeEvaluation(
            items: try PracticeEvaluation.items(fromTSV: text), lexicons: practice.lexicons)
        print("practice moves on the development corpus (\(evaluation.items.count) utterances):\n" + evaluation.report)
        print(evaluation.differences.joined(separator: "\n"))
        for score in evaluation.scores where score.examples >= 10 {
            #expect(score.recall >= 0.85, "\(score.move): recall \(score.recall)")
        }
        #expect(evaluation.microRecall >= 0.90)
        #expect(evaluation.microPrecision >= 0.90)
    }

    @Test("the best candidate at every turn of every scenario meets every criterion the scenario scores")
    func bestPathMeetsEveryCriterion() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        for language in Language.sources {
            var probe = PracticeSession(
                content: content, practice: practice,
                settings: ConversationSettings(language: language, region: .nl, seed: 1, today: .today()))
            let menu = probe.start().options.count - 1  // the last is "stop"
            for scenario in 1...menu {
                var session = PracticeSession(
                    content: content, practice: practice,
                    settings: ConversationSettings(language: language, region: .nl, seed: 1, today: .today()))
                _ = session.start()
                var reply = session.respond(to: String(scenario))
                var debrief: [String] = []
                for _ in 0..<20 where debrief.isEmpty {
                    let tags = session.conversation.optionTags
                    guard tags.contains(where: { $0.contains { $0.hasPrefix("move:") } }) else { break }
                    let best =
                        tags.indices.max { a, b in
                            Self.score(tags[a], session.lexicon) < Self.score(tags[b], session.lexicon)
                        } ?? 0
                    reply = session.respond(to: String(best + 1))
                    debrief = PlainText.lines(for: reply).filter { $0.hasPrefix("- ") }
                }
                #expect(!debrief.isEmpty, "\(language) scenario \(scenario) ends with a debrief")
                let met = [session.lexicon.text("met"), session.lexicon.text("not_applicable")]
                for line in debrief where !met.contains(where: { line.hasSuffix(": " + $0) }) {
                    Issue.record("\(language) scenario \(scenario), the best path: \(line)")
                }
            }
        }
    }

    /// How good a candidate is by its author's tags: good moves count, a mistake sinks it.
    private static func score(_ tags: [String], _ lexicon: PracticeLexicon) -> Int {
        let moves = tags.filter { $0.hasPrefix("move:") }.map { String($0.dropFirst(5)) }
        return moves.reduce(0) { total, move in
            switch lexicon.category(move)?.kind {
            case .good?: total + 1
            case .mistake?: total - 100
            default: total
            }
        }
    }

    @Test("candidates come in an order that depends on the seed, the trainee's own words last")
    func optionOrderBySeed() throws {
        let content = try shippedContent()
        let practice = try shippedPractice()
        var orders: Set<[String]> = []
        for seed in UInt64(1)...6 {
            var session = PracticeSession(
                content: content, practice: practice,
                settings: ConversationSettings(language: .nl, region: .nl, seed: seed, today: .today()))
            _ = session.start()
            let options = session.respond(to: "4").options.map(\.text)
            #expect(options.last?.hasPrefix("In mijn eigen woorden") == true)
            orders.insert(options)
        }
        #expect(orders.count > 1, "the good answer is not always in the same place")
    }

    @Test("a chosen candidate is judged like the same words typed; a turn taken back with 'terug' is not judged")
    func chosenLikeTypedAndBack() throws {
        var session = try startedPractice()
        let options = session.respond(to: "4").options.map(\.text)
        let role = try #require(options.firstIndex { $0.hasPrefix("Ik ben hier als collega") })
        _ = session.respond(to: String(role + 1))
        #expect(
            Set(session.turns[0].categories).isSuperset(of: session.lexicon.classify(options[role]).map(\.category)))
        _ = session.respond(to: "terug")
        #expect(session.turns.isEmpty)
    }

    @Test("in talk 2 attention for emotions is what the talk is for, and the feedback says so")
    func emotionsInTalkTwo() throws {
        var session = try startedPractice()
        _ = session.respond(to: "6")
        let feedback = PlainText.lines(for: session.respond(to: "Wat deed dat met je, toen het kind overleed?")).filter
        { $0.hasPrefix("Feedback") }
        #expect(feedback.contains { $0.contains("In het tweede gesprek is aandacht voor emoties juist de bedoeling") })
        #expect(!feedback.contains { $0.contains("In het eerste gesprek") })
    }

    @Test("a broken practice lexicon is reported with file, line and column")
    func brokenLexicon() {
        let text = """
            texts: {feedback: x}
            categories:
              open_question:
                kind: wonderful
                patterns: ["* wat"]
            criteria:
              - {id: a, name: A, tip: t, good: [opne_question]}
            """
        #expect(throws: DiagnosticList.self) { try PracticeLexicon.load(text: text, file: "nl.yaml") }
        do {
            _ = try PracticeLexicon.load(text: text, file: "nl.yaml")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains("nl.yaml:4:11: error: the kind must be good, mistake or neutral"))
            #expect(messages.contains { $0.contains("criterion 'a' names the unknown category 'opne_question'") })
            #expect(messages.contains { $0.contains("the text 'met' is missing under 'texts'") })
        }
    }
}
