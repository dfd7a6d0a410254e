import DialogueRuntime
import Foundation
import YarnScript

/// Everything the guide says and knows, loaded from the dialogues folder and checked:
/// the compiled dialogue of each language, the help directory of each region (with the
/// organisation's own contacts), the crisis lexicons and the command words. Practice's
/// lexicons and reader of moves are apart, in ``PracticeContent`` (its scenarios are part of
/// each language's program).
///
/// Loading fails with every problem found, each with its file, line and column, so gids
/// never starts with broken content.
///
/// A class: loaded once and never changed, it is shared by every conversation, which
/// then holds one reference instead of copies of its many parts.
public final class GuideContent: Sendable {
    /// The compiled dialogue of each language, with its lines prepared (see ``LineResolver``):
    /// made once, as preparing reads every line.
    let resolvers: [Language: LineResolver]
    public let directories: [Region: HelpDirectory]
    public let safetyNet: SafetyNet
    public let commands: CommandWords
    /// What every message is first: crisis, check, command or answer.
    public let router: IntentRouter
    public let signals: SignalCatalogue
    /// What gids recognises in an answer: not knowing, nothing to name, heavy words.
    public let answers: AnswerWords
    /// The host functions the dialogues call, with this content's answer words.
    let functions: FunctionLibrary
    public let organisation: Organisation?
    /// The languages gids may speak with this content (the sources and the translations offered).
    public let languages: SpokenLanguages

    init(
        programs: [Language: Program], languages: SpokenLanguages, directories: [Region: HelpDirectory],
        safetyNet: SafetyNet, commands: CommandWords, signals: SignalCatalogue, answers: AnswerWords,
        organisation: Organisation?
    ) {
        // A translation runs its source's program, with its own lines for the lines it has.
        resolvers = Dictionary(
            uniqueKeysWithValues: languages.all.compactMap { language in
                programs[languages.source(of: language)].map { program in
                    (
                        language,
                        LineResolver(
                            program: program, locale: language.rawValue,
                            translations: languages.translations[language]?.table)
                    )
                }
            })
        self.languages = languages
        self.directories = directories
        self.safetyNet = safetyNet
        self.commands = commands
        router = IntentRouter(safetyNet: safetyNet, commands: commands)
        self.signals = signals
        self.answers = answers
        functions = DialogueFunctions.library(answers: answers)
        self.organisation = organisation
    }

    /// The same content read by another safety net (the same lexicons with another learned
    /// reader): for cross-validation, which runs every line through real conversations with a
    /// model that never saw it.
    public func with(safetyNet: SafetyNet) -> GuideContent {
        GuideContent(copying: self, safetyNet: safetyNet)
    }

    private init(copying other: GuideContent, safetyNet: SafetyNet) {
        resolvers = other.resolvers
        languages = other.languages
        directories = other.directories
        self.safetyNet = safetyNet
        commands = other.commands
        router = IntentRouter(safetyNet: safetyNet, commands: other.commands)
        signals = other.signals
        answers = other.answers
        functions = other.functions
        organisation = other.organisation
    }

    /// The tag of the nodes of the critical-event path: someone else's death told there is
    /// heard as the answer it is, not interrupted.
    public static let criticalEventTag = "critical-event"
    /// The tag of the check-in's nodes: someone else's death told there is heard as the answer
    /// it is, and the three questions run on (the event path is offered after the third).
    public static let checkInTag = "check-in"
    /// The compiler for gids's dialogues: every variable declared; the ones gids reads count as
    /// used; every command one that gids carries out.
    public static let compiler = Compiler(
        functions: DialogueFunctions.signatures, requiresDeclarations: true,
        hostReadVariables: Set(HostVariable.all.map(\.name)), commands: HostCommand.contract)

    /// Loads and checks the content, or throws every error found. `learnedReader: false` leaves
    /// the safety net's model out (for training a new one, which the old may not fit).
    public static func load(from directory: String, organisationFile: String? = nil, learnedReader: Bool = true)
        throws(DiagnosticList) -> GuideContent
    {
        let (content, diagnostics) = check(directory, organisationFile: organisationFile, learnedReader: learnedReader)
        guard let content, !diagnostics.hasErrors else {
            throw DiagnosticList(diagnostics.filter { $0.severity == .error })
        }
        return content
    }

    /// Loads the content for a guide that must answer whatever happens: when the only errors
    /// are in the organisation file, that file is left out and the national help directory
    /// and crisis lines are used; its errors come back as `ignored`, for the operator.
    /// Errors anywhere else are thrown, as by ``load(from:organisationFile:)``.
    public static func loadFallingBack(from directory: String, organisationFile: String?, learnedReader: Bool = true)
        throws(DiagnosticList) -> (content: GuideContent, ignored: [Diagnostic])
    {
        let (content, diagnostics) = check(directory, organisationFile: organisationFile, learnedReader: learnedReader)
        let errors = diagnostics.filter { $0.severity == .error }
        if let content, errors.isEmpty { return (content, []) }
        guard let organisationFile, !errors.isEmpty, errors.allSatisfy({ $0.location.file == organisationFile }) else {
            throw DiagnosticList(errors)
        }
        return (try load(from: directory, organisationFile: nil, learnedReader: learnedReader), errors)
    }

    /// Checks the content; returns it when there are no errors, with every diagnostic (warnings too).
    public static func check(_ directory: String, organisationFile: String? = nil, learnedReader: Bool = true) -> (
        GuideContent?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let folder = URL(fileURLWithPath: directory)
        func path(_ parts: String...) -> String { parts.reduce(folder) { $0.appendingPathComponent($1) }.path }

        // The safety lexicons are the largest files gids reads: read them on another core while
        // the dialogues compile, so starting gids takes the longer of the two, not both.
        let content = ContentFolder(at: directory)
        let safetyLanguages =
            Language.sources
            + SpokenLanguages.translationLanguages(in: content).filter {
                FileManager.default.fileExists(atPath: path("safety", "\($0).yaml"))
            }
        let safetyLoad = BackgroundWork { () -> (SafetyNet?, [Diagnostic]) in
            loadSafetyNet(from: folder, languages: safetyLanguages, learnedReader: learnedReader)
        }

        // The guide's dialogue and the practice scenarios are one program per language (practice
        // uses the same crisis answer, help and commands); each compiles on a thread of its own,
        // so the languages and the safety lexicons take the cores there are, not turns.
        let compilations = Language.sources.map { language in
            let paths = content.dialoguePaths(for: language)
            return (language, BackgroundWork { compiler.compile(paths: paths) })
        }
        var programs: [Language: Program] = [:]
        for (language, compiling) in compilations {
            let compilation = compiling.result()
            diagnostics += compilation.diagnostics
            guard let program = compilation.program else { continue }
            let start = SourceLocation(file: path(language.rawValue), line: 1, column: 1)
            for node in HostNode.allCases.map(\.rawValue) where program.nodes[node] == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, at: start,
                        "the \(language.rawValue) dialogue has no node '\(node)', which gids starts directly"))
            }
            for variable in HostVariable.all.sorted(by: { $0.name < $1.name })
            where program.initialValues[variable.name]?.type != variable.type {
                diagnostics.append(
                    Diagnostic(
                        .error, at: start,
                        "the \(language.rawValue) dialogue must declare \(variable.name) as a \(variable.type) (<<declare \(variable.name) = \(Value.defaultValue(of: variable.type).literal)>>); gids uses it"
                    ))
            }
            diagnostics += CrisisLineCheck.problems(in: program, language: language, at: start)
            diagnostics += questionsWithoutUnsure(in: program, outside: path("practice"))
            programs[language] = program
        }

        var directories: [Region: HelpDirectory] = [:]
        for region in Region.allCases {
            let file = path("directory", region.rawValue + ".yaml")
            do throws(DiagnosticList) {
                let loaded = try HelpDirectoryLoader.directory(text: try read(file), file: file)
                guard loaded.region == region else {
                    throw DiagnosticList([
                        Diagnostic(
                            .error, at: SourceLocation(file: file, line: 1, column: 1),
                            "this file is for region '\(loaded.region.rawValue)', but its name says '\(region.rawValue)'"
                        )
                    ])
                }
                diagnostics += CrisisLineCheck.problems(in: loaded, reportedIn: file)
                directories[region] = loaded
            } catch {
                diagnostics += error.diagnostics
            }
        }

        var organisation: Organisation?
        if let organisationFile {
            do throws(DiagnosticList) {
                let loaded = try HelpDirectoryLoader.organisation(
                    text: try read(organisationFile), file: organisationFile)
                for directory in directories.values {
                    diagnostics += HelpDirectoryLoader.unknownSteps(in: loaded.entries, of: directory)
                }
                organisation = loaded
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if let organisation, let organisationFile {
            for (region, directory) in directories.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let joined = directory.adding(organisation)
                // An organisation's entries may replace national ones, but never take the crisis lines away.
                if CrisisLineCheck.problems(in: directory, reportedIn: organisationFile).isEmpty {
                    diagnostics += CrisisLineCheck.problems(in: joined, reportedIn: organisationFile)
                }
                directories[region] = joined
            }
        }
        let languages = SpokenLanguages.check(
            content, programs: programs, directories: directories, diagnostics: &diagnostics)

        let (safetyNet, safetyDiagnostics) = safetyLoad.result()
        diagnostics += safetyDiagnostics
        let commands = parsed(path("commands.yaml"), into: &diagnostics, CommandWords.load(text:file:))
        let signals = parsed(path("signals.yaml"), into: &diagnostics, SignalCatalogue.load(text:file:))
        let answers = parsed(path("answers.yaml"), into: &diagnostics, AnswerWords.load(text:file:))

        var unique: [Diagnostic] = []
        for diagnostic in diagnostics where !unique.contains(diagnostic) { unique.append(diagnostic) }
        guard !unique.hasErrors, let commands, let signals, let answers, let safetyNet,
            programs.count == Language.sources.count, directories.count == Region.allCases.count
        else {
            return (nil, unique)
        }
        return (
            GuideContent(
                programs: programs, languages: languages, directories: directories, safetyNet: safetyNet,
                commands: commands, signals: signals, answers: answers, organisation: organisation), unique
        )
    }

    /// A warning for every question of the guide (practice's role-play left out: there the
    /// trainee's own words are an answer) whose options do not mark exactly one `#unsure`:
    /// "weet ik niet" must be an answer at every question.
    static func questionsWithoutUnsure(in program: Program, outside practiceFolder: String) -> [Diagnostic] {
        program.nodes.values.filter { !$0.file.hasPrefix(practiceFolder) }.flatMap { node in
            node.instructions.compactMap { instruction -> Diagnostic? in
                guard case .options(let options, _) = instruction else { return nil }
                let lines = options.compactMap { program.lines[$0.lineID] }
                let marked = lines.filter { $0.tags.contains(Conversation.unsureTag) }.count
                guard marked != 1, let first = lines.first else { return nil }
                return Diagnostic(
                    .warning, at: SourceLocation(file: first.file, line: first.lineNumber, column: 1),
                    marked == 0
                        ? "no option of this question is marked #\(Conversation.unsureTag); mark the one that 'weet ik niet' or 'I don't know' should choose"
                        : "\(marked) options of this question are marked #\(Conversation.unsureTag); mark only the one that 'weet ik niet' or 'I don't know' should choose"
                )
            }
        }.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    /// The file of the safety net's learned reader, in the content's `safety/` folder.
    public static let learnedReaderFile = "model.bin"

    /// The safety net: the lexicons of these languages, read as one (see ``SafetyLexicon``), and
    /// the learned reader when the content has its model, or their problems. Content without a
    /// model is read by the rules alone, with a warning.
    private static func loadSafetyNet(from folder: URL, languages: [Language], learnedReader: Bool) -> (
        SafetyNet?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var sources: [(text: String, file: String)] = []
        for language in languages {
            let file = folder.appendingPathComponent("safety").appendingPathComponent(language.rawValue + ".yaml").path
            do throws(DiagnosticList) {
                sources.append((try read(file), file))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        let lexicon: SafetyLexicon
        do throws(DiagnosticList) {
            lexicon = try SafetyLexicon(sources: sources)
        } catch {
            return (nil, diagnostics + error.diagnostics)
        }
        guard learnedReader else { return (SafetyNet(lexicon: lexicon), diagnostics) }
        let modelFile = folder.appendingPathComponent("safety").appendingPathComponent(learnedReaderFile).path
        guard FileManager.default.fileExists(atPath: modelFile) else {
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: modelFile, line: 1, column: 1),
                    "there is no learned reader here: the safety net reads with its rules alone (`gids safety --train` makes one)"
                ))
            return (SafetyNet(lexicon: lexicon), diagnostics)
        }
        do throws(DiagnosticList) {
            let reader = try LearnedReader.load(file: modelFile, clauseVocabulary: lexicon.clauseVocabulary)
            return (SafetyNet(lexicon: lexicon, learnedReader: reader), diagnostics)
        } catch {
            return (nil, diagnostics + error.diagnostics)
        }
    }

    /// One content file read and parsed (`parse` gets its text and its path), or nil with its
    /// problems added to `diagnostics`.
    static func parsed<T>(
        _ file: String, into diagnostics: inout [Diagnostic], _ parse: (String, String) throws(DiagnosticList) -> T
    ) -> T? {
        do throws(DiagnosticList) {
            return try parse(try read(file), file)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    private static func read(_ file: String) throws(DiagnosticList) -> String {
        do {
            return try SourceFile.load(path: file).text
        } catch {
            throw DiagnosticList([error])
        }
    }
}
