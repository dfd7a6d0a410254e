import ArgumentParser
import Foundation
import Guide
import TextReading

/// `gids safety`: how the safety net reads a message, for whoever tunes its lexicons.
struct SafetyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safety",
        abstract: "Show how the safety net reads a message, or run a labelled corpus through it.",
        discussion: """
            --explain prints the decision (crisis, someone-else-in-danger, check, about-someone-else, \
            clinical or none), the category and every rule that made it, with its file and line. \
            --corpus runs a tab-separated file (lang, category, text; '#' lines are comments) through \
            real conversations and prints, per category, how many got the crisis answer, the check \
            question or neither.

            The learned reader is trained from every labelled line of the repository's Corpora/ and \
            ../shared/domain/corpora/: --evaluate prints the figures on lines it never saw (each file \
            scored by a model trained on the others), --train also writes the model to the content's \
            safety/model.bin, and --check-model says whether the model there is the one its training \
            data gives (exit status 1 if not).
            """
    )

    @Option(help: ArgumentHelp("Explain the decision on this text.", valueName: "text"))
    var explain: String?

    @Option(
        help: ArgumentHelp("Run this corpus (lang<TAB>category<TAB>text per line).", valueName: "file"),
        completion: .file())
    var corpus: String?

    @Option(
        help: ArgumentHelp(
            "With --corpus: also list each message that got this outcome (crisis, check, about-someone-else, neither), with the reason.",
            valueName: "outcome"))
    var list: [SafetyCorpus.Outcome] = []

    @Flag(help: "Print the held-out figures of the safety net with a learned reader trained on the other files.")
    var evaluate = false

    @Flag(help: "With --explain or --corpus: read with the rules alone, without the learned reader.")
    var rulesOnly = false

    @Flag(help: "With --evaluate: also list each crisis line missed and each ordinary line asked about, held out.")
    var misses = false

    @Flag(help: "Train the learned reader on every labelled line, and write it to the content's safety/model.bin.")
    var train = false

    @Flag(help: "Check that the content's learned reader is the one its training data gives.")
    var checkModel = false

    @Option(
        help: ArgumentHelp(
            "The repository's own labelled lines (default: Corpora/ beside the content folder).", valueName: "folder"),
        completion: .directory)
    var corpora: String?

    @OptionGroup var sharedCorpora: SharedCorporaOption

    @OptionGroup var dialogues: DialoguesOption

    func validate() throws {
        let modes = [explain != nil, corpus != nil, evaluate, train, checkModel].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give one of --explain TEXT, --corpus FILE, --evaluate, --train or --check-model")
        }
    }

    func run() throws {
        if evaluate || train || checkModel {
            // Trained afresh: the model there now may not fit this build's features.
            try learn(try loadContent(learnedReader: false))
            return
        }
        let content = try loadContent(learnedReader: !rulesOnly)
        if let explain {
            let text = TextNormalizer.sanitized(explain)
            let assessment = content.safetyNet.assess(text)
            print(assessment.decision.rawValue + (assessment.category.map { " (\($0))" } ?? ""))
            for reason in assessment.reasons { print("  " + reason) }
            if let explanation = content.safetyNet.learnedExplanation(of: text) { print(explanation, terminator: "") }
            return
        }
        guard let corpus else { return }
        let lines: [SafetyCorpus.Line]
        do throws(DiagnosticList) {
            lines = try SafetyCorpus.read(file: corpus)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
        let results = SafetyCorpus.run(lines, content: content)
        print(SafetyCorpus.table(results), terminator: "")
        for result in results where list.contains(result.outcome) {
            let reason = content.safetyNet.assess(TextNormalizer.sanitized(result.line.text)).reasons.first ?? "no rule"
            print(
                "\(result.line.location.file):\(result.line.location.line): \(result.outcome.rawValue) [\(result.line.category)] \(result.line.text)\n    \(reason)"
            )
        }
    }

    private func loadContent(learnedReader: Bool) throws -> GuideContent {
        try ContentLoader.load(
            from: try dialogues.folder(), messageLanguage: LanguageOption.localeMessageLanguage,
            learnedReader: learnedReader)
    }

    /// Trains the learned reader, prints its held-out figures, and writes or checks the model.
    private func learn(_ content: GuideContent) throws {
        let folder = URL(fileURLWithPath: try dialogues.folder())
        let repository =
            corpora.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? folder.deletingLastPathComponent()
        let shared = try sharedCorpora.folder(besideRepository: repository)
        let lines: [LabelledText]
        do throws(DiagnosticList) {
            lines = try SafetyTraining.lines(from: SafetyTraining.files(repository: repository, shared: shared))
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
        let rules = content.safetyNet
        let (models, scores) = SafetyTraining.crossValidate(lines, net: rules)
        let threshold = SafetyTraining.threshold(
            for: lines, scores: scores, rules: lines.map { rules.assess($0.text).decision })
        let model = SafetyTraining.train(lines, net: rules, threshold: threshold)
        let file = folder.appendingPathComponent("safety").appendingPathComponent(GuideContent.learnedReaderFile)
        if checkModel {
            let shipped = try? Data(contentsOf: file)
            guard shipped == model.data else {
                printError(
                    "error: \(file.path) is not the model its training data gives (\(lines.count) lines); run `gids safety --train` and commit the model"
                )
                throw ExitCode(1)
            }
            print("\(file.path) matches its training data (\(lines.count) lines).")
            return
        }
        let evaluation = SafetyEvaluation(lines: lines, models: models, threshold: threshold, content: content)
        print(evaluation.report(), terminator: "")
        if misses {
            for line in evaluation.misses.crisis { print("missed [\(line.group) \(line.category)] \(line.text)") }
            for (line, outcome) in evaluation.misses.ordinary {
                print("\(outcome.rawValue) [\(line.group) \(line.category)] \(line.text)")
            }
        }
        guard train else { return }
        try model.data.write(to: file)
        print("wrote \(file.path): \(lines.count) lines, threshold \(threshold), \(model.data.count) bytes")
    }
}

extension SafetyCorpus.Outcome: ExpressibleByArgument {}
