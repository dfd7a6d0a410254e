import Foundation
import Testing
import TextReading

@Suite struct LearnedModelTests {
    private let extractor = FeatureExtractor(bits: 12, clauseReader: ClauseReader(vocabulary: ClauseVocabulary()))

    private func features(_ text: String) -> SparseVector {
        let passage = Passage(text)
        return extractor.features(of: passage, readings: WordReadings(of: passage, corrector: nil))
    }

    private var examples: [(features: SparseVector, label: Bool)] {
        let yes = [
            "ik wil dood", "ik wil niet meer leven", "ik denk aan zelfmoord", "i want to die", "i want to end it",
        ]
        let no = ["ik ben moe", "lange dienst gehad", "i am tired", "busy shift today", "de koffie was op"]
        return yes.map { (features($0), true) } + no.map { (features($0), false) }
    }

    @Test("training is deterministic: the same lines and settings give the same model, byte for byte")
    func deterministic() {
        let first = LogisticRegression().fit(examples, bits: 12)
        let second = LogisticRegression().fit(examples, bits: 12)
        #expect(first.weights == second.weights && first.bias == second.bias)
    }

    @Test("a trained model tells the two kinds of lines apart, also in words it never saw")
    func separates() {
        let (weights, bias) = LogisticRegression().fit(examples, bits: 12)
        let model = LinearModel(
            featureVersion: FeatureExtractor.version, bits: 12, weights: weights, bias: bias, threshold: 0.5,
            trainingDigest: 0, lines: [])
        #expect(model.score(features("ik wil dood gaan")) > 0.5)
        #expect(model.score(features("weer een lange dienst")) < 0.5)
    }

    @Test("a model survives its file form, and a cut-off or foreign file is refused with a reason")
    func fileForm() throws {
        let line = LabelledText(text: "ik wil dood", language: "nl", label: true, category: "wish-dead", group: "a")
        let model = LinearModel(
            featureVersion: 1, bits: 4, weights: (0..<16).map { Float($0) / 3 }, bias: -0.25, threshold: 0.7,
            trainingDigest: 42, lines: [line])
        #expect(try LinearModel(data: model.data) == model)
        #expect(throws: LinearModel.FileError.self) { try LinearModel(data: model.data.dropLast(3)) }
        #expect(throws: LinearModel.FileError.self) { try LinearModel(data: Data("not a model".utf8)) }
    }
}
