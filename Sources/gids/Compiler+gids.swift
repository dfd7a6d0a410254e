import YarnScript

extension Compiler {
    /// The compiler as gids uses it for its own dialogues: every variable must be declared.
    static let gids = Compiler(requiresDeclarations: true)
}
