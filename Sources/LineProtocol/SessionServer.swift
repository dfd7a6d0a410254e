import Foundation
import Guide
import SessionStore

/// The heart of `gids serve` and `gids reply`: answers a batch of request lines for many
/// sessions, committing all their state changes in one transaction before any reply is
/// handed back. Bad lines get an error reply and touch nothing; if the batch cannot be
/// committed, each line is retried on its own so one failure cannot cost others their turn.
public final class SessionServer {
    /// What the server uses for sessions that do not say otherwise.
    public struct Settings: Sendable {
        public var language: Language
        public var region: Region?
        /// The schedule for new follow-ups (an organisation profile's own schedule wins).
        public var schedule: FollowUpSchedule?
        /// Sessions idle longer than this are deleted.
        public var retention: TimeInterval
        /// Where memory is kept, as told to a person asked for consent.
        public var memoryLocation: String

        public init(language: Language, region: Region?, schedule: FollowUpSchedule?, retention: TimeInterval, memoryLocation: String) {
            self.language = language
            self.region = region
            self.schedule = schedule
            self.retention = retention
            self.memoryLocation = memoryLocation
        }
    }

    let store: SessionDatabase
    /// Content by organisation profile; "" is the profile without an organisation.
    let contents: [String: GuideContent]
    let settings: Settings
    let clock: @Sendable () -> Date
    let parser: RequestParser
    private let started: Date
    private var lines = 0
    private var errors = 0
    private var lastRetention: Date?

    public init(store: SessionDatabase, contents: [String: GuideContent], settings: Settings, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.contents = contents
        self.settings = settings
        self.clock = clock
        parser = RequestParser(profiles: Set(contents.keys.filter { !$0.isEmpty }))
        started = clock()
    }

    /// Answers every item, in order: one response per item.
    public func handle(_ items: [InputLines.Item]) -> [ProtocolResponse] {
        lines += items.count
        let requests = items.map { item -> Result<ProtocolRequest, ParseFailure> in
            switch item {
            case .line(let bytes): parser.parse(json: bytes[...])
            case .failed(let error): .failure(ParseFailure(error))
            }
        }
        var responses: [ProtocolResponse]
        do {
            responses = try store.transaction { transaction in try requests.map { try answer($0, in: transaction) } }
        } catch {
            responses = requests.map { request in
                (try? store.transaction { try answer(request, in: $0) }) ?? failure(request)
            }
        }
        errors += responses.filter { if case .error = $0 { true } else { false } }.count
        removeIdleSessionsIfDue()
        return responses
    }

    private func failure(_ request: Result<ProtocolRequest, ParseFailure>) -> ProtocolResponse {
        let parsed = try? request.get()
        return .error(.storage, id: parsed?.id, session: parsed?.session)
    }

    private func answer(_ parsed: Result<ProtocolRequest, ParseFailure>, in transaction: SessionTransaction) throws -> ProtocolResponse {
        let request: ProtocolRequest
        switch parsed {
        case .failure(let failure): return .error(failure.error, id: failure.id, session: failure.session)
        case .success(let success): request = success
        }
        let id = request.id
        switch request.action {
        case .ping: return .pong(id: id)
        case .stats:
            return .stats(id: id, sessions: try transaction.count(), lines: lines, errors: errors, uptimeSeconds: Int(clock().timeIntervalSince(started)))
        case .due: return .due(id: id, sessions: try transaction.dueSessions(on: today))
        case .forget:
            guard let session = request.session else { break }
            try transaction.forget(session)
            return .forgotten(id: id, session: session)
        case .start(let language, let region, let profile):
            guard let session = request.session else { break }
            let settings = conversationSettings(language: language, region: region, profile: profile ?? "", session: session, in: transaction)
            return try begin(session, profile: profile ?? "", settings: settings, id: id, in: transaction)
        case .reset:
            guard let session = request.session else { break }
            let stored = try transaction.session(session)
            let previous = stored.flatMap { try? ConversationState(binary: [UInt8]($0.state)) }?.settings
            let settings = conversationSettings(
                language: previous?.language, region: previous?.region, profile: stored?.profile ?? "", session: session, in: transaction)
            return try begin(session, profile: stored?.profile ?? "", settings: settings, id: id, in: transaction)
        case .message(let text):
            guard let session = request.session else { break }
            return try message(text, session: session, id: id, in: transaction)
        }
        return .error(ProtocolError("missing_session", "the line needs 'session'"), id: id, session: nil)
    }

    private var today: DayDate { DayDate.today(from: clock()) }

    private func conversationSettings(language: Language?, region: Region?, profile: String, session: String, in transaction: SessionTransaction) -> ConversationSettings {
        let content = contents[profile] ?? contents[""]
        return ConversationSettings(
            language: language ?? settings.language, region: region ?? settings.region, seed: Self.seed(for: session),
            today: today, schedule: settings.schedule ?? content?.organisation?.schedule ?? .olvg,
            followUp: try? transaction.followUp(for: session), memoryLocation: settings.memoryLocation, canWriteFiles: false)
    }

    /// Starts a new conversation for the session (replacing any earlier one).
    private func begin(_ session: String, profile: String, settings: ConversationSettings, id: RequestID?, in transaction: SessionTransaction) throws -> ProtocolResponse {
        guard let content = contents[profile] else { throw ProtocolError("unknown_org", "unknown org profile '\(profile)'") }
        var conversation = Conversation(content: content, settings: settings)
        let reply = conversation.start()
        return try finish(conversation, reply: reply, session: session, profile: profile, id: id, in: transaction)
    }

    private func message(_ text: String, session: String, id: RequestID?, in transaction: SessionTransaction) throws -> ProtocolResponse {
        let stored = try transaction.session(session)
        if let id, let stored, stored.lastID == id.key, let reply = stored.lastReply {
            return .serialized([UInt8](reply))  // the same line again: the same answer
        }
        let profile = stored?.profile ?? ""
        guard let content = contents[profile] ?? contents[""] else { return .error(.storage, id: id, session: session) }
        let isAlarming = { content.safetyNet.isAlarming(TextNormalizer.sanitized(text)) }
        // Forbidden characters are refused, unless the text is a crisis phrase.
        if let problem = Self.unsafeText(text), !isAlarming() { return .error(problem, id: id, session: session) }
        var reply: Reply
        var conversation: Conversation
        if let stored, let state = try? ConversationState(binary: [UInt8](stored.state)), !state.isFinished {
            conversation = Conversation(content: content, state: state)
            reply = conversation.respond(to: text)
        } else {
            // An unknown (or finished) session starts the default dialogue; a crisis phrase
            // still gets the crisis answer at once.
            let settings = conversationSettings(language: nil, region: nil, profile: profile, session: session, in: transaction)
            conversation = Conversation(content: content, settings: settings)
            reply = conversation.start()
            if isAlarming() { reply = conversation.respond(to: text) }
        }
        return try finish(conversation, reply: reply, session: session, profile: profile, id: id, in: transaction)
    }

    /// Carries out the reply's effects and stores the session with its answer.
    private func finish(_ conversation: Conversation, reply: Reply, session: String, profile: String, id: RequestID?, in transaction: SessionTransaction) throws -> ProtocolResponse {
        var conversation = conversation
        var reply = reply
        for effect in reply.effects {
            switch effect {
            case .remember(let followUp): try transaction.saveFollowUp(followUp, for: session)
            case .forget: try transaction.forgetFollowUp(for: session)
            case .debrief: break  // practice runs in `gids practice` only
            case .writeSummary:
                // A bridge offers no file option; should a dialogue ask anyway, say it failed.
                let failed = conversation.effectFailed()
                reply.messages += failed.messages
            }
        }
        reply.effects = []
        reply.problems = []
        var response = ProtocolResponse.reply(session: session, id: id, reply)
        var lastReply: Data?
        if id != nil {
            // Kept to answer the same line again; written from the same bytes, serialised once.
            let bytes = response.jsonBytes
            lastReply = Data(bytes)
            response = .serialized(bytes)
        }
        let stored = StoredSession(
            state: Data(conversation.state.binaryEncoded()), profile: profile, lastID: id?.key, lastReply: lastReply,
            lastActivity: Int64(clock().timeIntervalSince1970))
        try transaction.save(stored, for: session)
        return response
    }

    /// A seed for a new session's varied phrasing that is the same in every process
    /// (FNV-1a of the session key), so that a restarted server phrases things the same way.
    static func seed(for session: String) -> UInt64 {
        session.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// NUL bytes and terminal escape sequences are refused (other control characters are
    /// cleaned); a crisis phrase is answered whatever else the text holds.
    static func unsafeText(_ text: String) -> ProtocolError? {
        if text.unicodeScalars.contains("\u{0}") { return ProtocolError("text_has_nul", "'text' contains NUL characters") }
        if text.unicodeScalars.contains("\u{1B}") || text.unicodeScalars.contains("\u{9B}") {
            return ProtocolError("text_has_escape_sequence", "'text' contains terminal escape sequences; send plain text")
        }
        return nil
    }

    /// Deletes idle sessions at most once a minute.
    private func removeIdleSessionsIfDue() {
        let now = clock()
        if let last = lastRetention, now.timeIntervalSince(last) < 60 { return }
        lastRetention = now
        _ = try? store.transaction { try $0.deleteIdle(before: Int64(now.timeIntervalSince1970 - settings.retention)) }
    }
}
