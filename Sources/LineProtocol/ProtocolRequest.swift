import Guide

/// One line from a bridge, understood.
public struct ProtocolRequest: Sendable {
    /// What the line asks for.
    public enum Action: Sendable, Equatable {
        /// A line for one session's conversation.
        case conversation(session: String, ConversationLine)
        /// A line for the server, which may read or change any session.
        case server(ServerLine)
    }

    /// What a line asks of one session's conversation: it reads and changes that session
    /// only, so lines for different sessions can be answered side by side.
    public enum ConversationLine: Sendable, Equatable {
        /// Something the person wrote.
        case message(text: String)
        /// Start (or start over) a conversation with these settings.
        case start(language: Language?, region: Region?, profile: String?)
        /// Start the session's conversation again with its settings.
        case reset
    }

    /// What a line asks of the server.
    public enum ServerLine: Sendable, Equatable {
        /// Delete the session and everything remembered about it.
        case forget(session: String)
        case ping
        case stats
        /// Which sessions have a follow-up talk due.
        case due
    }

    /// The line's `id`, echoed back: a string or a number.
    public var id: RequestID?
    /// What the line asks for, and of which session.
    public var action: Action

    /// The session the line is about (nil for `ping`, `stats`, `due`).
    public var session: String? {
        switch action {
        case .conversation(let session, _), .server(.forget(let session)): session
        case .server: nil
        }
    }
}
