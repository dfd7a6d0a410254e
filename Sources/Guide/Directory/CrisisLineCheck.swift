import DialogueRuntime
import YarnScript

/// What the content must hold so that every crisis answer can show where to turn: checked by
/// `gids check`, at start-up and at every reload, which all refuse content that fails it.
///
/// A directory file cut short by an interrupted copy, or edited, loses its `crisis: true`
/// entries without any other error; the crisis answer would then say "Je kunt nu meteen
/// iemand bereiken:" followed by nothing. (Should content go wrong anyway, the crisis
/// answer is completed with ``LastResortCrisisLines``.)
enum CrisisLineCheck {
    /// The nodes that show the crisis lines with `<<crisis_lines>>`: the crisis answer, someone
    /// else in danger, the reminder at the end of a conversation after a crisis, and the failure answer.
    static let nodesShowingCrisisLines = [
        HostNode.crisis, .someoneElseInDanger, .crisisReminder, .failure,
    ].map(\.rawValue)

    /// A directory's problems: in every language, its crisis lines (`crisis: true`) must
    /// include 112 and at least one other line (the suicide prevention line). `file` is where they are reported (the
    /// directory file, or the organisation file whose entries replaced the crisis lines).
    static func problems(in directory: HelpDirectory, reportedIn file: String) -> [Diagnostic] {
        let location = SourceLocation(file: file, line: 1, column: 1)
        let region = directory.region.rawValue
        let texts = Dictionary(
            uniqueKeysWithValues: Language.sources.map { language in
                (language, directory.crisisLines.map { $0.name.text(in: language) + " " + $0.reach.text(in: language) })
            })
        /// The languages in which no crisis line passes `test`, as "nl and en".
        func lacking(_ test: (String) -> Bool) -> String? {
            let languages = Language.sources.filter { !(texts[$0] ?? []).contains(where: test) }
            return languages.isEmpty ? nil : languages.map(\.rawValue).joined(separator: " and ")
        }
        var problems: [Diagnostic] = []
        if let languages = lacking({ $0.contains("112") }) {
            problems.append(
                Diagnostic(
                    .error, at: location,
                    "the \(region) directory has no crisis line that names 112 (in \(languages)): the crisis answer needs an entry with 'crisis: true' whose name or 'reach' says how to reach 112"
                ))
        }
        if let languages = lacking({ !$0.contains("112") }) {
            problems.append(
                Diagnostic(
                    .error, at: location,
                    "the \(region) directory has no crisis line besides 112 (in \(languages)): the crisis answer needs an entry with 'crisis: true' for talking about thoughts of suicide"
                ))
        }
        return problems
    }

    /// A language's problems: each of ``nodesShowingCrisisLines`` must run `<<crisis_lines>>`
    /// itself. (A missing node is reported with the other required nodes.)
    static func problems(in program: Program, language: Language, at location: SourceLocation) -> [Diagnostic] {
        nodesShowingCrisisLines.compactMap { name in
            guard let node = program.nodes[name], !node.instructions.contains(.command([.text("crisis_lines")])) else {
                return nil
            }
            return Diagnostic(
                .error, at: location,
                "the \(language.rawValue) node '\(name)' does not show the crisis lines; it needs <<crisis_lines>>")
        }
    }
}
