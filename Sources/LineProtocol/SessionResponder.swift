import DialogueRuntime
import Foundation
import Guide
import Logging
import SessionStore

/// Answers one session's lines in memory: the conversation turn, its effects and the state
/// to store, without touching the store (see ``SessionRecord``).
struct SessionResponder: Sendable {
    /// Problems of the dialogue itself (a loop stopped, an unknown command) go to the operator;
    /// they name nodes and limits, never what a person typed.
    private static let log = Logger(label: "gids.dialogue")
    /// Content by organisation profile; "" is the profile without an organisation.
    let contents: [String: GuideContent]
    let settings: SessionServer.Settings
    let clock: @Sendable () -> Date
    /// The store's keyed hash, to recognise a line sent again without keeping its text.
    let keys: SessionKeys

    private var today: DayDate { DayDate.today(from: clock()) }

    /// The answer to one line for the session; the guide's turn, if it took one, is counted in `tally`.
    func answer(
        _ line: ProtocolRequest.ConversationLine, id: RequestID?, session: inout SessionRecord, tally: inout TurnTally
    ) -> ProtocolResponse {
        let response: ProtocolResponse
        var turn: Reply?
        switch line {
        case .message(let text):
            response = message(text, id: id, session: &session, turn: &turn)
        case .start(let language, let region, let profile):
            response = begin(
                language: language, region: region, profile: profile ?? "", id: id, session: &session, turn: &turn)
        case .reset:
            // Again with the language, region and profile of the session's conversation.
            let previous = session.stored.flatMap { try? ConversationState(binary: [UInt8]($0.state)) }?.settings
            response = begin(
                language: previous?.language, region: previous?.region, profile: session.stored?.profile ?? "", id: id,
                session: &session, turn: &turn)
        }
        if let turn { tally.count(turn) }
        return response
    }

    /// The answer to something the person wrote.
    private func message(_ text: String, id: RequestID?, session: inout SessionRecord, turn: inout Reply?)
        -> ProtocolResponse
    {
        let stored = session.stored
        // A line is its id with the keyed hash of its text: the same line again gets the same
        // answer; the same id with other text is a bridge's mistake, and its text is not lost
        // silently behind an old answer.
        let line = id.map { Self.lineKey($0, keys.keyedDigest(of: text)) }
        if let line, let stored, stored.lastID == line, let reply = stored.lastReply {
            return .serialized([UInt8](reply))  // the same line again: the same answer
        }
        if let id, let last = stored?.lastID, last.hasPrefix(Self.lineKey(id, "")) {
            return .error(
                ProtocolError(
                    "id_reused",
                    "this id was already used for another line of this session; send each line with an id of its own"),
                id: id, session: session.key)
        }
        let profile = stored?.profile ?? ""
        guard let content = contents[profile] ?? contents[""] else {
            return .error(.storage, id: id, session: session.key)
        }
        let isSafety = { content.router.intent(of: TextNormalizer.sanitized(text)).isSafety }
        // Forbidden characters are refused, unless the safety net acts on the text.
        if let problem = Self.unsafeText(text), !isSafety() { return .error(problem, id: id, session: session.key) }
        var reply: Reply
        var conversation: Conversation
        if let stored, let state = try? ConversationState(binary: [UInt8](stored.state)), !state.isFinished {
            conversation = Conversation(content: content, state: state)
            reply = conversation.respond(to: text)
        } else {
            // An unknown (or finished) session starts the default dialogue; what the safety net
            // acts on is answered at once.
            conversation = Conversation(
                content: content,
                settings: conversationSettings(language: nil, region: nil, profile: profile, session: session))
            reply = conversation.start()
            if isSafety() { reply = conversation.respond(to: text) }
        }
        turn = reply
        return finish(conversation, reply: reply, profile: profile, id: id, line: line, session: &session)
    }

    /// How a line is remembered: its id, and what it said (the keyed hash of a message's
    /// text, or what a control line did).
    private static func lineKey(_ id: RequestID, _ said: String) -> String {
        id.key + "|" + said
    }

    /// Starts a new conversation for the session (replacing any earlier one); nil settings
    /// are the server's.
    private func begin(
        language: Language?, region: Region?, profile: String, id: RequestID?, session: inout SessionRecord,
        turn: inout Reply?
    ) -> ProtocolResponse {
        guard let content = contents[profile] else {
            return .error(
                ProtocolError("unknown_org", "unknown org profile '\(profile)'"), id: id, session: session.key)
        }
        if let language, !content.languages.offers(language) {
            return .error(
                ProtocolError("unknown_language", content.languages.refusal(of: language)), id: id, session: session.key
            )
        }
        var conversation = Conversation(
            content: content,
            settings: conversationSettings(language: language, region: region, profile: profile, session: session))
        let reply = conversation.start()
        turn = reply
        return finish(
            conversation, reply: reply, profile: profile, id: id, line: id.map { Self.lineKey($0, "start") },
            session: &session)
    }

    private func conversationSettings(language: Language?, region: Region?, profile: String, session: SessionRecord)
        -> ConversationSettings
    {
        let content = contents[profile] ?? contents[""]
        return ConversationSettings(
            language: language ?? settings.language, region: region ?? settings.region,
            seed: Self.seed(for: session.key),
            today: today, schedule: settings.schedule ?? content?.organisation?.schedule ?? .olvg,
            followUp: session.followUp, memoryLocation: ConversationSettings.bridgeMemory, canWriteFiles: false,
            keptHours: settings.keptHours)
    }

    /// Carries out the reply's effects and keeps the session's new state with its answer.
    private func finish(
        _ conversation: Conversation, reply: Reply, profile: String, id: RequestID?, line: String?,
        session: inout SessionRecord
    ) -> ProtocolResponse {
        var conversation = conversation
        var reply = reply
        for problem in reply.problems { Self.log.error("\(problem)") }
        for effect in reply.effects {
            switch effect {
            case .remember(let followUp): session.remember(followUp)
            case .forget: session.forgetFollowUp()
            case .debrief: break  // practice runs in `gids practice` only
            case .forgetConversation:
                // "vergeet mij": nothing of the session stays, and the reply is written only
                // after the deletion is committed.
                session.delete()
                reply.effects = []
                reply.problems = []
                return .reply(session: session.key, id: id, reply)
            case .writeSummary:
                // A bridge offers no file option; should a dialogue ask anyway, say it failed.
                let failed = conversation.effectFailed()
                reply.messages += failed.messages
            }
        }
        reply.effects = []
        reply.problems = []
        var response = ProtocolResponse.reply(session: session.key, id: id, reply)
        if reply.isFinished, id == nil {
            // What was typed is not needed any more: the conversation is deleted before the
            // reply is written. A consented follow-up stays.
            session.endConversation()
            return response
        }
        var lastReply: Data?
        if id != nil {
            // Kept to answer the same line again; written from the same bytes, serialised once.
            let bytes = response.jsonBytes
            lastReply = Data(bytes)
            response = .serialized(bytes)
        }
        // An ended conversation keeps no state: only its last reply, for a line sent again
        // (see SweepLimits.replayMinutes).
        session.stored = StoredSession(
            state: reply.isFinished ? Data() : Data(conversation.state.binaryEncoded()), profile: profile, lastID: line,
            lastReply: lastReply, lastActivity: Int64(clock().timeIntervalSince1970), isEnded: reply.isFinished)
        return response
    }

    /// A seed for a new session's varied phrasing that is the same in every process
    /// (FNV-1a of the session key), so that a restarted server phrases things the same way.
    static func seed(for session: String) -> UInt64 {
        StableHash.of(session)
    }

    /// NUL bytes and terminal escape sequences are refused (other control characters are
    /// cleaned); a crisis phrase is answered whatever else the text holds.
    static func unsafeText(_ text: String) -> ProtocolError? {
        if text.unicodeScalars.contains("\u{0}") {
            return ProtocolError("text_has_nul", "'text' contains NUL characters")
        }
        if text.unicodeScalars.contains("\u{1B}") || text.unicodeScalars.contains("\u{9B}") {
            return ProtocolError(
                "text_has_escape_sequence", "'text' contains terminal escape sequences; send plain text")
        }
        return nil
    }
}
