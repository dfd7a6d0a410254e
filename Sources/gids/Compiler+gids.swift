import Guide
import YarnScript

extension Compiler {
    /// The compiler as gids uses it for its own dialogues.
    static let gids = GuideContent.compiler
}
