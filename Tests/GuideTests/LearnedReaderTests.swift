import Foundation
import Guide
import TestSupport
import Testing
import TextReading

/// The safety net's learned reader on the shipped content: what it may and may not do, that
/// the shipped model is the one its training data gives, and its figures on lines it never
/// saw (each file scored by a model trained on the others).
@Suite struct LearnedReaderTests {
    /// The shared development corpora, where the README says they are: the learned reader is
    /// trained on them, so the tests of its training skip without them.
    private static let corpora = SharedTestData.corpora

    private func trainingLines() throws -> [LabelledText] {
        try SafetyTraining.lines(from: SafetyTraining.files(repository: repositoryRoot, shared: Self.corpora.folder))
    }

    @Test(
        "the shipped model was trained on exactly the labelled lines and settings there are now",
        .enabled(if: corpora.isPresent, corpora.skipReason))
    func modelMatchesItsTrainingData() throws {
        let lines = try trainingLines()
        let reader = try #require(try shippedContent().safetyNet.learnedReader)
        #expect(
            reader.model.trainingDigest
                == SafetyTraining.digest(of: lines, trainer: LogisticRegression(), bits: reader.model.bits),
            "the corpora or the trainer changed: run `gids safety --train` and commit Dialogues/safety/model.bin")
    }

    @Test("the learned reader adds the check question where the rules see nothing, never the crisis answer")
    func onlyAsks() throws {
        let net = try shippedContent().safetyNet
        let reader = try #require(net.learnedReader)
        // A line the rules have no words for, and the model would ask about.
        let text = "ik heb geen zin meer om nog verder te gaan met alles"
        #expect(net.with(learnedReader: nil).assess(text).decision == .none)
        let assessment = net.assess(text)
        #expect(assessment.decision == .check)
        #expect(assessment.category == SafetyNet.learnedCategory)
        #expect(assessment.reasons.first?.hasPrefix("learned reader: score") == true)
        #expect(reader.model.threshold > 0.5)
        // It never silences a rule, and never turns a check into the crisis answer.
        for ruled in ["ik wil dood", "ik wil niet dood", "mijn collega wil nu springen, wat moet ik doen"] {
            #expect(net.assess(ruled) == net.with(learnedReader: nil).assess(ruled), "\(ruled)")
        }
    }

    @Test("the learned reader may ask where the rules read only someone else's story or clinical talk")
    func readsWhatTheRulesGiveToSomeoneElse() throws {
        let net = try shippedContent().safetyNet
        let rules = net.with(learnedReader: nil)
        // The rules read a sister's pills as an attempt told afterwards; it is happening now.
        let now = "mijn zus heeft net pillen genomen"
        #expect(rules.assess(now).decision == .aboutSomeoneElse)
        #expect(net.assess(now).decision == .check)
        #expect(net.assess(now).category == SafetyNet.learnedCategory)
        // A patient's suicide told afterwards, and a course, stay what the rules said.
        for told in [
            "een patiënt van ons heeft vorig jaar zelfmoord gepleegd, daar denk ik nog vaak aan",
            "we hadden vandaag een scholing over suïcidepreventie op de afdeling",
        ] {
            #expect(rules.assess(told).decision < .check, "\(told)")
            #expect(net.assess(told) == rules.assess(told), "\(told)")
        }
    }

    @Test(
        "--explain shows the learned reader's score, the features that weighed most and the three nearest labelled lines"
    )
    func explanation() throws {
        let net = try shippedContent().safetyNet
        let explanation = try #require(net.learnedExplanation(of: "ik zie het echt niet meer zitten met alles"))
        let lines = explanation.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("learned reader: score ") == true)
        #expect(lines.dropFirst().prefix(8).allSatisfy { $0.hasPrefix("  +") || $0.hasPrefix("  -") }, "\(lines)")
        #expect(lines.dropFirst(9).first == "  nearest labelled lines:")
        #expect(lines.dropFirst(10).count == 3)
        #expect(lines.last?.contains("[ask, ") == true || lines.last?.contains("[ordinary, ") == true)
        #expect(net.with(learnedReader: nil).learnedExplanation(of: "ik wil dood") == nil)
    }

    @Test("answers that choose an option, and messages of a word or two, are read by the rules alone")
    func choicesAndShortAnswers() throws {
        let net = try shippedContent().safetyNet
        for answer in ["ja", "nee", "weet ik niet", "I don't know"] {
            #expect(net.assess(answer, isChoice: true).decision == .none, "\(answer)")
        }
        #expect(net.assess("nee hoor").decision == .none)
    }

    @Test(
        "held out by file, every crisis line reaches the crisis answer or the check question and ordinary lines rarely do",
        .enabled(if: corpora.isPresent, corpora.skipReason), .timeLimit(.minutes(20)))
    func heldOutFigures() async throws {
        let lines = try trainingLines()
        let content = try shippedContent()
        let (evaluation, threshold) = try await onOwnThread {
            let rules = content.safetyNet.with(learnedReader: nil)
            let (models, scores) = SafetyTraining.crossValidate(lines, net: rules)
            let threshold = SafetyTraining.threshold(
                for: lines, scores: scores, rules: lines.map { rules.assess($0.text).decision })
            return (SafetyEvaluation(lines: lines, models: models, threshold: threshold, content: content), threshold)
        }
        print("safety net, held out by file:\n" + evaluation.report())
        let figures = evaluation.figures()
        // The aim is 95% (docs/safety-net.md says where it stands); this guards what is reached.
        #expect(Double(figures.reached) >= Double(figures.crisisLines) * 0.91)
        #expect(Double(figures.ordinaryCrisis) <= Double(figures.ordinaryLines) * 0.05)
        #expect(Double(figures.ordinaryCheck) <= Double(figures.ordinaryLines) * 0.10)
        #expect(threshold == (try #require(content.safetyNet.learnedReader)).model.threshold)
    }
}
