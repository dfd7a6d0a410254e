import DialogueRuntime
import Foundation
import Testing

@testable import Guide

/// "Weet ik niet" is an answer (issue 25, finding 5): every question of the guide takes it,
/// and nothing that is not an answer is said back.
@Suite struct DontKnowTests {
    static let today = DayDate(year: 2026, month: 3, day: 12)!

    @Test(
        "every choice question of the guide, in both languages, takes 'weet ik niet' or 'I don't know' as the option it marks, and no message says back a non-answer",
        arguments: Language.sources)
    func everyQuestion(language: Language) throws {
        let content = try shippedContent()
        var walk = QuestionWalk(content: content, language: language)
        for (conversation, reply, saving) in try startingPoints(language: language, content: content) {
            walk.walk(from: conversation, after: reply, saving: saving)
        }
        #expect(walk.problems.isEmpty, "\(walk.problems.joined(separator: "\n"))")
        let program = try #require(content.resolvers[language]?.program)
        let all = QuestionWalk.questions(in: program)
        let missed = all.subtracting(walk.choiceQuestions).map(\.description).sorted()
        #expect(missed.isEmpty, "questions the walk did not reach: \(missed.joined(separator: ", "))")
        #expect(walk.choiceQuestions.count >= 40)
    }

    @Test("'weet ik niet' at 'maak je je zorgen, of twijfel je?' is the doubt that is reason enough for the advice")
    func notKnowingIsDoubt() throws {
        var chat = try Chat()
        _ = chat.start()
        for answer in ["2", "1", "1", "1", "3 dagen geleden", "gaat wel", "nee", "1", "1", "6", "2"] {
            _ = chat.say(answer)
        }
        let lines = chat.say("weet ik niet")
        #expect(
            lines.contains(
                "Je maakt je zorgen, of je twijfelt. Dat is al reden genoeg om contact op te nemen met professionele hulp die verstand heeft van trauma."
            ))
    }

    @Test("'gids check' warns about a question with no option marked #unsure, naming the file and line")
    func checkWarns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-unsure-\(UUID())")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Dialogues"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nl/hulpkaart.yarn")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "-> Nee #unsure", with: "-> Nee").write(
            to: file, atomically: true, encoding: .utf8)
        let (_, diagnostics) = GuideContent.check(folder.path)
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("nl/hulpkaart.yarn:") == true)
        #expect(warnings.first?.contains("#unsure") == true)
    }

    /// The conversations the walk starts from, each with the reply it has just shown: the start
    /// (region asked or known, in a terminal and in a bridge), the follow-up talks, the safety
    /// net's nodes, forgetting, failures to save, and the questions that only a particular
    /// answer leads to; each with what becomes of what it asks to keep or write.
    private func startingPoints(
        language: Language, content: GuideContent
    ) throws -> [(Conversation, Reply, EffectOutcome)] {
        let nl = language == .nl
        var points: [(Conversation, Reply, EffectOutcome)] = []
        func settings(region: Region? = .nl, followUp: FollowUp? = nil, keptHours: Int? = nil) -> ConversationSettings {
            ConversationSettings(
                language: language, region: region, seed: 1, today: Self.today, followUp: followUp,
                memoryLocation: "~/.local/share/gids/gids.sqlite", canWriteFiles: true, keptHours: keptHours)
        }
        func start(
            _ settings: ConversationSettings, failing: Bool = false, saying inputs: [String] = []
        ) -> (Conversation, Reply, EffectOutcome) {
            var conversation = Conversation(content: content, settings: settings)
            let saving: EffectOutcome = failing ? .notPermitted : .done
            var reply = conversation.finishing(conversation.start()) { _ in saving }
            for input in inputs { reply = conversation.finishing(conversation.respond(to: input)) { _ in saving } }
            return (conversation, reply, saving)
        }
        points.append(start(settings(region: nil)))
        points.append(start(settings(region: .be, keptHours: 12)))
        for (daysAgo, talks, inputs) in [(20, [0], [String]()), (40, [0, 14], ["1"])] {
            let event = Self.today.adding(days: -daysAgo)
            let followUp = FollowUp(
                eventDate: event, eventKind: "klacht", isPileUp: false, schedule: .olvg,
                talks: talks.enumerated().map {
                    FollowUp.Talk(number: $0 + 1, date: event.adding(days: $1), signals: [6])
                })
            points.append(start(settings(followUp: followUp), saying: inputs))
        }
        // The safety net's questions.
        points.append(start(settings(), saying: ["crisis"]))
        points.append(
            start(
                settings(),
                saying: [
                    nl
                        ? "mijn collega staat op het dak en zegt dat ze wil springen"
                        : "my friend just texted me goodbye and says she's going to end it tonight"
                ]))
        points.append(
            start(settings(), saying: ["1", nl ? "ik zie het niet meer zitten" : "there's no way out for me"]))
        points.append(
            start(
                settings(),
                saying: [nl ? "een patiënt is vannacht overleden" : "a resident I looked after passed away last night"])
        )
        points.append(
            start(
                settings(),
                saying: [
                    "1", nl ? "een patiënt is vannacht overleden" : "a resident I looked after passed away last night",
                    "1",
                    "1",
                ]))
        // Forgetting, and saving that fails.
        var forgetting = Conversation(content: content, settings: settings())
        let forgetQuestion = forgetting.forgetQuestion()
        points.append((forgetting, forgetQuestion, .done))
        let toConsent = ["2", "1", "1", "1", nl ? "gisteren" : "yesterday", "moe", "nee", "1", "1", "6", "2"]
        points.append(start(settings(), failing: true, saying: toConsent + ["1"]))
        // Questions only some answers lead to: early with no support, the question whether
        // signs that persist are worrying, and how long signs of strain that builds up have lasted.
        points.append(
            start(
                settings(),
                saying: [
                    "2", "1", "1", "1", nl ? "3 dagen geleden" : "3 days ago", "moe", "nee", "3", "1", "6", "2", "2",
                ]))
        let fiveWeeks = ["2", "1", "1", "1", nl ? "5 weken geleden" : "5 weeks ago", "moe", "nee", "1", "1", "6", "2"]
        points.append(start(settings(), saying: fiveWeeks + ["2"]))
        let noSignalsButOne = ["1", "4", "4", "4", "4", "4", "2"]
        points.append(start(settings(), saying: fiveWeeks + ["2", "1"] + noSignalsButOne + ["3"]))
        let pileUp = ["2", "2", "1", "2", "3", "moe", "nee", "1", "1", "6", "2", "2", "1"]
        points.append(start(settings(), saying: pileUp + noSignalsButOne))
        let noSignals = ["4", "4", "4", "4", "4", "4", "2", "3"]
        points.append(start(settings(), saying: fiveWeeks + ["2", "1"] + noSignals + ["6", "2"]))
        points.append(
            start(settings(), failing: true, saying: fiveWeeks + ["2", "1"] + noSignals + ["6", "2", "2", "x.md"]))
        return points
    }
}
