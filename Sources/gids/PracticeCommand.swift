import ArgumentParser
import Foundation
import Guide
import Terminal

/// `gids practice`: role-play training for peer supporters. gids plays a colleague; the
/// trainee answers, gets feedback after each turn and a debrief at the end.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise peer-support conversations: gids plays a colleague, you are the supporter.",
        discussion: """
            Choose a candidate response by number or type your own; each turn gets feedback with \
            the reason. The debrief at the end judges the criteria of peer support (met, partly, \
            not yet). Nothing is stored, unless you ask for a report.
            """
    )

    @OptionGroup var settings: GuideSettings

    @Option(
        help: ArgumentHelp(
            "Print the categories found in one trainee utterance, and why, one per line; then exit.", valueName: "text")
    )
    var explain: String?

    @Option(
        help: ArgumentHelp(
            "Score the lexicons on a labelled file (lang<TAB>moves<TAB>utterance per line): recall and precision per move, then every difference; exit.",
            valueName: "file"))
    var evaluate: String?

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
    }

    func run() throws {
        let content = try settings.loadContent()
        let language = try settings.language(in: content)
        let lexicon = content.practice[content.languages.source(of: language)]
        if let explain {
            let findings = lexicon.classify(explain)
            if findings.isEmpty { print("-") }
            for finding in findings {
                print("\(finding.category) (\(lexicon.category(finding.category)?.label ?? "")): \(finding.reason)")
            }
            return
        }
        if let evaluate {
            let evaluation = PracticeEvaluation(items: try readLabels(evaluate), lexicons: content.practice)
            print(evaluation.report)
            print(evaluation.differences.joined(separator: "\n"))
            return
        }
        let seed = terminal.newPhrasingSeed()
        let session = PracticeSession(
            content: content,
            settings: try settings.conversationSettings(
                content: content, seed: seed, memoryLocation: nil, canWriteFiles: false))
        let loop = try terminal.run(session, language: language, seed: seed, settings: settings, door: .practice)
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

    /// The labelled utterances of `--evaluate`, or a clear error naming the file and line.
    private func readLabels(_ path: String) throws -> [PracticeEvaluation.Item] {
        do {
            return try PracticeEvaluation.items(
                fromTSV: String(contentsOfFile: PrivateFile.expanded(path), encoding: .utf8))
        } catch let error as PracticeEvaluation.LabelError {
            printError("gids: \(path): \(error)")
            throw ExitCode(65)
        } catch {
            printError("gids: cannot read \(path): \(error.localizedDescription)")
            throw ExitCode(66)
        }
    }
}
