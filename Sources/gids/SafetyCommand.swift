import ArgumentParser
import Foundation
import Guide

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

    @OptionGroup var settings: GuideSettings

    func validate() throws {
        guard (explain == nil) != (corpus == nil) else {
            throw ValidationError("give either --explain TEXT or --corpus FILE")
        }
    }

    func run() throws {
        let content = try settings.loadContent()
        if let explain {
            let assessment = content.safetyNet.assess(TextNormalizer.sanitized(explain))
            print(assessment.decision.rawValue + (assessment.category.map { " (\($0))" } ?? ""))
            for reason in assessment.reasons { print("  " + reason) }
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
}

extension SafetyCorpus.Outcome: ExpressibleByArgument {}
