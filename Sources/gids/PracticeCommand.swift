import ArgumentParser
import Foundation
import Guide
import Terminal
import TextReading

/// `gids practice`: role-play training for peer supporters. gids plays a colleague; the
/// trainee answers, gets feedback after each turn and a debrief at the end.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise peer-support conversations: gids plays a colleague, you are the supporter.",
        discussion: """
            Choose a candidate response by number or type your own; each turn gets feedback with \
            the reason. The debrief at the end judges the criteria of peer support (met, partly, \
            not yet). Nothing is kept, unless you ask for a report (--report) or a transcript (--record).
            """,
        aliases: ["practise"]
    )

    @OptionGroup var language: LanguageOption
    @OptionGroup var region: RegionOption
    @OptionGroup var organisation: OrganisationOption
    @OptionGroup var dialogues: DialoguesOption

    @Option(
        help: ArgumentHelp(
            "Print the categories found in one trainee utterance, and why, one per line; then exit.", valueName: "text")
    )
    var explain: String?

    @Flag(
        help:
            "Print the readers' figures per move on lines they never saw: cross-validated by file over every labelled practice line (and --labels files); exit."
    )
    var evaluate = false

    @Option(
        help: ArgumentHelp(
            "With --evaluate: a labelled file (lang<TAB>moves<TAB>utterance per line) to add as its own held-out group, such as a fresh round.",
            valueName: "file"),
        completion: .file())
    var labels: [String] = []

    @Flag(help: "With --evaluate: also list every difference from the labels, held out.")
    var differences = false

    @Flag(
        help:
            "Train the learned reader of moves on every labelled line, and write it to the content's practice/moves.bin."
    )
    var train = false

    @Flag(help: "Check that the content's practice/moves.bin is the reader its training data gives.")
    var checkModel = false

    @OptionGroup var sharedCorpora: SharedCorporaOption

    @Option(
        help: ArgumentHelp(
            "Write every debrief of the session to this file as Markdown (mode 0600), in order, for a trainer.",
            valueName: "file"),
        completion: .file())
    var report: String?

    @OptionGroup var terminal: TerminalSessionOptions

    /// A report that could not be written is found before the practice, not after the debrief.
    func validate() throws {
        try PrivateFile.validate(report, option: "--report")
        guard [explain != nil, evaluate, train, checkModel].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --explain TEXT, --evaluate, --train or --check-model")
        }
    }

    func run() throws {
        // Training, evaluating and checking make their own readers: a shipped model that this
        // gids refuses (trained on other features) must not stop its retraining.
        let learning = evaluate || train || checkModel
        let folder = try dialogues.folder()
        let content = try ContentLoader.load(
            from: folder, organisationFile: organisation.file, messageLanguage: self.language.messageLanguage,
            learnedReader: !learning)
        let practice = try ContentLoader.loadPractice(
            from: folder, for: content, messageLanguage: self.language.messageLanguage, learnedReader: !learning)
        let language = try self.language.language(in: content)
        let lexicon = practice.lexicons[content.languages.source(of: language)]
        if let explain {
            let text = TextNormalizer.sanitized(explain)
            print("patterns:")
            let findings = lexicon.classify(text)
            if findings.isEmpty { print("  -") }
            for finding in findings {
                print("  \(finding.category) (\(lexicon.category(finding.category)?.label ?? "")): \(finding.reason)")
            }
            guard let reader = practice.reader else {
                print("learned reader: none (gids practice --train makes one)")
                return
            }
            print("learned reader (each move's score, 0.20 or more):")
            let (passage, readings) = content.safetyNet.read(text)
            let scores = reader.scores(passage, readings: readings)
            for (move, score) in scores where score >= 0.2 {
                print("  \(move.name) \(String(format: "%.2f", Double(score)))")
            }
            print("both readers weighed (each move's probability, 0.20 or more, and the one it counts from):")
            let reading = lexicon.combinerReading(
                text, ruled: lexicon.matches(in: text), scores: scores.map(\.score), moves: scores.map(\.move.name),
                words: passage.words.count)
            for (place, probability) in reader.combiner.probabilities(reading).enumerated() where probability >= 0.2 {
                let threshold = reader.combiner.models[place].threshold
                print(
                    "  \(scores[place].move.name) \(String(format: "%.2f", Double(probability))) (from \(String(format: "%.2f", Double(threshold))))"
                )
            }
            print("both (as practice reads it):")
            for finding in lexicon.read(text, reader: reader, net: content.safetyNet) {
                print("  \(finding.category): \(finding.reason)")
            }
            return
        }
        if learning {
            try learn(practice.lexicons, net: content.safetyNet, dialogues: folder)
            return
        }
        let seed = terminal.newPhrasingSeed()
        let today = DayDate.today()
        let session = PracticeSession(
            content: content, practice: practice,
            settings: ConversationSettings(
                language: language, region: region.region, seed: seed, today: today, canWriteFiles: false))
        let header = Transcript(
            language: language, region: region.region, organisationFile: organisation.file, seed: seed, today: today,
            door: .practice)
        let loop = try terminal.run(session, header: header)
        defer { Interruption.endProcessIfInterrupted() }
        if let report, let markdown = loop.session.report {
            do throws(PrivateFile.Failure) {
                try PrivateFile.write(markdown, to: report)
                print(lexicon.text("report_written") + " " + PrivateFile.expanded(report))
            } catch {
                printError("gids: \(error)")
                throw ExitCode(1)
            }
        }
    }

    /// Trains the learned reader of moves and prints its held-out figures, or writes or
    /// checks the model.
    private func learn(_ lexicons: PerLanguage<PracticeLexicon>, net: SafetyNet, dialogues: String) throws {
        let folder = URL(fileURLWithPath: dialogues)
        let repository = folder.deletingLastPathComponent()
        let shared = try sharedCorpora.folder(besideRepository: repository)
        let practiceFolder = folder.appendingPathComponent("practice")
        let lines: [PracticeTraining.Line]
        do {
            lines = try PracticeTraining.lines(
                from: PracticeTraining.files(repository: repository, shared: shared), practiceFolder: practiceFolder)
        } catch {
            printError("gids: the labelled practice lines cannot be read: \(error)")
            throw ExitCode(1)
        }
        if evaluate {
            var extra: [PracticeTraining.Line] = []
            do {
                extra = try PracticeTraining.lines(from: labels, practiceFolder: URL(fileURLWithPath: "/nonexistent"))
            } catch {
                printError("gids: \(labels.joined(separator: ", ")): \(error)")
                throw ExitCode(65)
            }
            let all = lines + extra
            let validation = PracticeCrossValidation(lines: all, lexicons: lexicons, net: net)
            print(validation.report, terminator: "")
            if differences { print(validation.both.differences.joined(separator: "\n")) }
            return
        }
        let moves = lexicons.nl.categories.map(\.id)
        let validation = PracticeCrossValidation(lines: lines, lexicons: lexicons, net: net)
        let reader = PracticeTraining.train(
            lines, features: validation.features, moves: moves, combiner: validation.combiner, net: net)
        let file = practiceFolder.appendingPathComponent(PracticeReader.file)
        if checkModel {
            guard (try? Data(contentsOf: file)) == reader.data else {
                printError(
                    "error: \(file.path) is not the reader its training data gives (\(lines.count) lines); run `gids practice --train` and commit it"
                )
                throw ExitCode(1)
            }
            print("\(file.path) matches its training data (\(lines.count) lines).")
            return
        }
        try reader.data.write(to: file)
        print("wrote \(file.path): \(lines.count) lines, \(moves.count) moves, \(reader.data.count) bytes")
    }
}
