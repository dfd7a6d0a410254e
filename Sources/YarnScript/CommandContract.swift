import DialogueRuntime

/// The commands a host carries out, so that the compiler can check each where it is written.
///
/// Yarn Spinner hands every command it does not know to the host, so a misspelt
/// `<<crisis_line>>` shows only when a person reaches it. A host that knows its commands gives
/// the compiler its contract, and a command it would not understand is an error at
/// file:line:col.
public struct CommandContract: Sendable {
    /// The names of the commands, for the graph of a project (the nodes that give them).
    public var names: Set<String>
    /// What is wrong with a command, or nil when the host understands it. `words` are the
    /// command's words; a word written with an inline expression is nil, since it is known
    /// only when the command runs. `variables` are the project's stored variables with their
    /// types, for commands that name one.
    public var problem: @Sendable (_ words: [String?], _ variables: [String: ValueType]) -> String?

    public init(
        names: Set<String>,
        problem: @escaping @Sendable (_ words: [String?], _ variables: [String: ValueType]) -> String?
    ) {
        self.names = names
        self.problem = problem
    }

    /// A command's words as written: inline expressions make the words they touch nil.
    static func words(of pieces: [CommandPieceSyntax]) -> [String?] {
        let placeholder: Character = "\u{E000}"
        let text = pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .expression: String(placeholder)
            }
        }.joined()
        return text.split(whereSeparator: \.isWhitespace).map { $0.contains(placeholder) ? nil : String($0) }
    }

    /// The errors of the commands in these nodes (`<<stop>>` is the dialogue's own).
    func diagnostics(in nodes: [NodeSyntax], variables: [String: ValueType]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                guard case .command(let pieces, let location) = statement else { return }
                let words = Self.words(of: pieces)
                guard words != ["stop"], let problem = problem(words, variables) else { return }
                diagnostics.append(Diagnostic(.error, at: location, problem))
            }
        }
        return diagnostics
    }
}
