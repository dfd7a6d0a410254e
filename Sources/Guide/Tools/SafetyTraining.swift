import Foundation
import TextReading
import YarnScript

/// How the safety net's learned reader is trained and judged: which labelled lines it learns
/// from, how each is labelled, and figures on lines it never saw.
///
/// The lines are every labelled line the project has: the shared development corpora
/// (`../shared/domain/corpora/`), the project's own rounds (`Corpora/safety/`), and the
/// trainee utterances of practice (`Corpora/practice/` and the shared practice corpora),
/// which are ordinary talk about work. Crisis categories of BRIEF §10 and `negated` lines (a
/// negation is no proof of safety: ask) are what the reader says yes to; ordinary talk is
/// what it says no to; a peer supporter's own question about suicide (`trainee`,
/// `ask_suicide`) is left out, being neither the writer's risk nor ordinary talk.
///
/// Every figure is cross-validated by file (``outOfFoldScores(_:net:trainer:)``): each file
/// is scored by a model trained on all the others, so no line is judged by a model that saw
/// it or its writer's round.
public enum SafetyTraining {
    /// The categories the reader should ask about: BRIEF §10's, and negated risk.
    public static let askedCategories: Set<String> = [
        "wish-dead", "thoughts", "method-means", "plan-intent", "preparing", "past-attempt", "burden-hopeless",
        "self-harm", "harm-others", "third-person-now", "negated",
    ]
    /// The crisis categories of BRIEF §10.
    public static let crisisCategories = askedCategories.subtracting(["negated"])
    /// Categories left out of training and of the ordinary figures: a peer supporter asking
    /// someone else about suicide, which the check question answers in chat and practice
    /// takes as a skill.
    public static let leftOutCategories: Set<String> = ["trainee", "ask_suicide"]
    /// Everyday answers to the guide's questions ("een lange dienst", "beter, maar ik slaap nog
    /// slecht"), told apart from the hard ordinary lines that share a crisis line's words
    /// (patients' deaths, quoted wishes, training talk, idioms).
    public static let everydayCategories: Set<String> = [
        "answer", "shift-long", "feeling", "support", "venting", "day", "event", "other",
    ]
    /// How many out of a hundred hard ordinary lines, and of everyday answers, may get the
    /// check question: the threshold is chosen to keep below both.
    public static let ordinaryCheckBudget = 0.07
    public static let everydayCheckBudget = 0.05

    /// The labelled files in a repository and a shared folder (nil: not available), in a fixed order.
    public static func files(repository: URL, shared: URL?) -> [String] {
        var files: [String] = []
        for folder in [
            repository.appendingPathComponent("Corpora/safety"), repository.appendingPathComponent("Corpora/practice"),
        ]
            + (shared.map { [$0] } ?? [])
        {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return files
    }

    /// The labelled lines of the files: `lang<TAB>category<TAB>text` safety files, and
    /// `lang<TAB>moves<TAB>text` practice files (whose names start with `practice` or that
    /// lie in a `practice` folder), each line's group its file name.
    public static func lines(from files: [String]) throws(DiagnosticList) -> [LabelledText] {
        var lines: [LabelledText] = []
        var problems: [Diagnostic] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            let isPractice =
                url.lastPathComponent.hasPrefix("practice")
                || url.deletingLastPathComponent().lastPathComponent == "practice"
            let group = (isPractice ? "practice/" : "safety/") + url.lastPathComponent
            do throws(DiagnosticList) {
                for line in try SafetyCorpus.read(file: file) {
                    let categories = Set(line.category.split(separator: ",").map(String.init))
                    guard categories.isDisjoint(with: leftOutCategories) else { continue }
                    let category = isPractice ? "practice" : line.category
                    lines.append(
                        LabelledText(
                            text: line.text, language: line.language.rawValue,
                            label: !isPractice && askedCategories.contains(category),
                            category: category, group: group))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return lines
    }

    /// The digest of what a model is trained from: the lines in order, the features' version
    /// and size, and the trainer's settings.
    public static func digest(of lines: [LabelledText], trainer: LogisticRegression, bits: Int) -> UInt64 {
        var hash = FNV1a()
        hash.add("features \(FeatureExtractor.version) bits \(bits) \(trainer.settings)\n")
        for line in lines {
            hash.add("\(line.group)\t\(line.language)\t\(line.category)\t\(line.label)\t\(line.text)\n")
        }
        return hash.value
    }

    /// A model trained on the lines, asking from `threshold`.
    public static func train(
        _ lines: [LabelledText], net: SafetyNet, trainer: LogisticRegression = LogisticRegression(), bits: Int = 18,
        threshold: Float
    ) -> LinearModel {
        let extractor = FeatureExtractor(bits: bits, clauseReader: ClauseReader(vocabulary: net.clauseVocabulary))
        let examples = lines.map { line in
            let (passage, readings) = net.read(line.text)
            return (extractor.features(of: passage, readings: readings), line.label)
        }
        let (weights, bias) = trainer.fit(examples, bits: bits)
        return LinearModel(
            featureVersion: FeatureExtractor.version, bits: bits, weights: weights, bias: bias, threshold: threshold,
            trainingDigest: digest(of: lines, trainer: trainer, bits: bits), lines: lines)
    }

    /// For each group (file), a model trained on every other group's lines, and for each line
    /// the score its group's model gives it: a score from a model that never saw the line.
    public static func crossValidate(
        _ lines: [LabelledText], net: SafetyNet, trainer: LogisticRegression = LogisticRegression(), bits: Int = 18
    ) -> (models: [String: LinearModel], scores: [Float]) {
        let extractor = FeatureExtractor(bits: bits, clauseReader: ClauseReader(vocabulary: net.clauseVocabulary))
        let features = lines.map { line in
            let (passage, readings) = net.read(line.text)
            return extractor.features(of: passage, readings: readings)
        }
        var models: [String: LinearModel] = [:]
        var scores = [Float](repeating: 0, count: lines.count)
        for group in Set(lines.map(\.group)).sorted() {
            let training = lines.indices.filter { lines[$0].group != group }
            let (weights, bias) = trainer.fit(training.map { (features[$0], lines[$0].label) }, bits: bits)
            let model = LinearModel(
                featureVersion: FeatureExtractor.version, bits: bits, weights: weights, bias: bias, threshold: 1,
                trainingDigest: 0, lines: [])
            for index in lines.indices where lines[index].group == group {
                scores[index] = model.score(features[index])
            }
            models[group] = model
        }
        return (models, scores)
    }

    /// The lowest threshold at which the hard ordinary lines the rules leave to it get the
    /// check question from the reader at most ``ordinaryCheckBudget`` of the time, and everyday
    /// answers at most ``everydayCheckBudget``, counting the checks the rules ask already: as
    /// many crisis lines reached as that allows, and never below even odds.
    public static func threshold(for lines: [LabelledText], scores: [Float], rules: [SafetyAssessment.Decision])
        -> Float
    {
        let ordinary = lines.indices.filter { !lines[$0].label && lines[$0].category != "practice" }
        let everyday = ordinary.filter { everydayCategories.contains(lines[$0].category) }
        let hard = ordinary.filter { !everydayCategories.contains(lines[$0].category) }
        return max(
            0.5, lowestThreshold(for: hard, budget: ordinaryCheckBudget, scores: scores, rules: rules),
            lowestThreshold(for: everyday, budget: everydayCheckBudget, scores: scores, rules: rules))
    }

    /// The lowest threshold that keeps the checks on these lines (the rules' and the reader's)
    /// within the budget.
    private static func lowestThreshold(
        for lines: [Int], budget share: Double, scores: [Float], rules: [SafetyAssessment.Decision]
    ) -> Float {
        guard !lines.isEmpty else { return 0 }
        let budget = Int(Double(lines.count) * share) - lines.filter { rules[$0] == .check }.count
        let open = lines.filter { SafetyNet.learnedReaderMayAsk(after: rules[$0]) }.map { scores[$0] }.sorted(by: >)
        guard budget >= 0 else { return 1 }
        // Just above the score of the first open line past the budget.
        return budget < open.count ? open[budget].nextUp : 0
    }
}
