import Foundation
import YarnScript

/// What practice reads beside the guide's content: each language's practice lexicon
/// (`Dialogues/practice/<lang>.yaml`) and the learned reader of moves
/// (`Dialogues/practice/moves.bin`), when the content has one.
///
/// Apart from ``GuideContent`` because only the doors that practise need it (`gids practice`,
/// its training, `gids check`): a chat or a served turn never reads a trainee's moves, so it
/// neither loads nor holds them.
public struct PracticeContent: Sendable {
    /// The practice lexicon of each language.
    public let lexicons: PerLanguage<PracticeLexicon>
    /// The learned reader of moves; nil without its file, when practice reads with the
    /// patterns alone.
    public let reader: PracticeReader?

    public init(lexicons: PerLanguage<PracticeLexicon>, reader: PracticeReader? = nil) {
        self.lexicons = lexicons
        self.reader = reader
    }

    /// Loads and checks the practice content of the dialogues folder `directory`, or throws
    /// every error found. The learned reader reads with the safety net's language layer, so it
    /// is loaded for `net`; `learnedReader: false` leaves it out (to train a new one).
    public static func load(from directory: String, net: SafetyNet, learnedReader: Bool = true)
        throws(DiagnosticList) -> PracticeContent
    {
        let (content, diagnostics) = check(directory, net: net, learnedReader: learnedReader)
        guard let content, !diagnostics.hasErrors else {
            throw DiagnosticList(diagnostics.filter { $0.severity == .error })
        }
        return content
    }

    /// Checks the practice content; returns it when there are no errors, with every
    /// diagnostic. Without a safety net (the guide's content has errors) only the lexicons
    /// are checked.
    public static func check(_ directory: String, net: SafetyNet?, learnedReader: Bool = true) -> (
        PracticeContent?, [Diagnostic]
    ) {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("practice")
        var diagnostics: [Diagnostic] = []
        var lexicons: [Language: PracticeLexicon] = [:]
        for language in Language.sources {
            lexicons[language] = GuideContent.parsed(
                folder.appendingPathComponent(language.rawValue + ".yaml").path, into: &diagnostics,
                PracticeLexicon.load(text:file:))
        }
        var reader: PracticeReader?
        let movesFile = folder.appendingPathComponent(PracticeReader.file).path
        if learnedReader, let net, FileManager.default.fileExists(atPath: movesFile) {
            do throws(DiagnosticList) {
                reader = try PracticeReader.load(file: movesFile, clauseVocabulary: net.clauseVocabulary)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard !diagnostics.hasErrors, let lexicons = PerLanguage(lexicons) else { return (nil, diagnostics) }
        return (PracticeContent(lexicons: lexicons, reader: reader), diagnostics)
    }
}
