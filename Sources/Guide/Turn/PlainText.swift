/// A reply as plain lines: what `gids < answers.txt` prints and what transcripts hold.
public enum PlainText {
    /// The messages, then the options numbered from 1.
    public static func lines(for reply: Reply) -> [String] {
        reply.messages.map(\.text) + reply.options.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }
    }
}
