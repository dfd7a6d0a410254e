import ArgumentParser
import Guide

/// Reads and checks the content a command runs on, and says in plain words what is wrong.
enum ContentLoader {
    /// The content, checked; on errors prints them (file:line:col) and a plain sentence in
    /// `language`, and exits 1. An organisation file with errors never keeps gids from
    /// answering: it is left out, its errors are printed, and gids runs with the national
    /// directory and crisis lines. `learnedReader: false` leaves the safety net's model out
    /// (to train a new one).
    static func load(
        from folder: String, organisationFile: String? = nil, messageLanguage language: Language,
        learnedReader: Bool = true
    ) throws -> GuideContent {
        do throws(DiagnosticList) {
            let (content, ignored) = try GuideContent.loadFallingBack(
                from: folder, organisationFile: organisationFile, learnedReader: learnedReader)
            if !ignored.isEmpty, let organisationFile {
                for diagnostic in ignored { printError(diagnostic.description) }
                printError(
                    language == .en
                        ? "gids: the organisation file \(organisationFile) has the errors above, so gids leaves it out and shows the national help and crisis lines. Ask whoever set up gids to fix it."
                        : "gids: het organisatiebestand \(organisationFile) bevat de fouten hierboven; gids laat het weg en toont de landelijke hulp en crisislijnen. Vraag wie gids heeft ingericht om het te herstellen."
                )
            }
            return content
        } catch {
            throw cannotStart(error, messageLanguage: language)
        }
    }

    /// Practice's content, checked, read with `content`'s safety net; on errors prints them and
    /// the plain sentence, and exits 1. `learnedReader: false` leaves the reader of moves out
    /// (to train a new one).
    static func loadPractice(
        from folder: String, for content: GuideContent, messageLanguage language: Language, learnedReader: Bool = true
    ) throws -> PracticeContent {
        do throws(DiagnosticList) {
            return try PracticeContent.load(from: folder, net: content.safetyNet, learnedReader: learnedReader)
        } catch {
            throw cannotStart(error, messageLanguage: language)
        }
    }

    /// Prints the errors (file:line:col) and a plain sentence in `language`; the exit status to throw.
    private static func cannotStart(_ error: DiagnosticList, messageLanguage language: Language) -> ExitCode {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        printError(
            language == .en
                ? "gids cannot start: the files above have errors. Ask whoever set up gids to fix them."
                : "gids kan niet starten: de bestanden hierboven bevatten fouten. Vraag wie gids heeft ingericht om ze te herstellen."
        )
        return ExitCode(1)
    }
}
