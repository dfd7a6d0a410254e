import DialogueRuntime
import Foundation
import Guide
import Logging
import SessionStore
import TextReading

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
        let answered = stored?.answeredLines ?? []
        if let line, let kept = answered.last(where: { $0.line == line }),
            let again = KeptReply.response(from: kept.reply, session: session.key)
        {
            return again  // the same line again: the same answer
        }
        if let id, answered.contains(where: { $0.line.hasPrefix(Self.lineKey(id, "")) }) {
            return .error(
                ProtocolError(
                    .idReused,
                    "this id was already used for another line of this session; send each line with an id of its own"),
                id: id, session: session.key)
        }
        let profile = stored?.profile ?? ""
        guard let content = contents[profile] ?? contents[""] else {
            return .error(.storage, id: id, session: session.key)
        }
        var conversation: Conversation
        let isContinued: Bool
        if let stored, let state = try? ConversationState(binary: [UInt8](stored.state)), !state.isFinished {
            conversation = Conversation(content: content, state: state)
            isContinued = true
        } else {
            // An unknown (or finished) session starts the default dialogue, in the language the
            // person wrote in when their words tell; what the safety net acts on is answered at once.
            conversation = Conversation(
                content: content,
                settings: conversationSettings(
                    language: LanguageGuess.language(of: text), region: nil, profile: profile, key: session.key,
                    followUp: session.followUp))
            isContinued = false
        }
        // A new conversation first shows its start; the text is then read once, where it is
        // answered.
        let started = isContinued ? nil : conversation.start()
        let sanitized = TextNormalizer.sanitized(text)
        let intent = conversation.route(sanitized)
        // Forbidden characters are refused, unless the safety net acts on the text.
        if let problem = Self.unsafeText(text), !intent.isSafety {
            return .error(problem, id: id, session: session.key)
        }
        var reply: Reply
        if let started, !intent.isSafety {
            reply = started
        } else {
            reply = conversation.respond(toSanitized: sanitized, as: intent)
        }
        reply = conversation.finishing(reply) { Self.perform($0, in: &session) }
        turn = reply
        return finish(conversation, reply: reply, profile: profile, id: id, line: line, session: &session)
    }

    /// The crisis answer to a line whose turn the store could not keep (a full disk, a store
    /// deleted under gids): the crisis answer needs nothing stored. It comes from the session's
    /// stored conversation when it can be read (its language, region and organisation), with
    /// the node ``HostNode/notKept`` saying that the conversation cannot be kept now, and no options:
    /// the stored conversation is unchanged, so the person's next line goes on from there.
    /// Nil for a line the safety net does not act on (the check question becomes the crisis
    /// answer here, as its answer could not be kept either); that line gets `storage_failed`.
    func unkeptCrisisAnswer(
        to text: String, id: RequestID?, session key: String, stored: StoredSession?, tally: inout TurnTally
    ) -> ProtocolResponse? {
        let profile = stored?.profile ?? ""
        guard let content = contents[profile] ?? contents[""] else { return nil }
        var conversation: Conversation
        if let stored, let state = try? ConversationState(binary: [UInt8](stored.state)), !state.isFinished {
            conversation = Conversation(content: content, state: state)
        } else {
            conversation = Conversation(
                content: content,
                settings: conversationSettings(language: nil, region: nil, profile: profile, key: key, followUp: nil))
            _ = conversation.start()
        }
        let sanitized = TextNormalizer.sanitized(text)
        let intent = conversation.route(sanitized)
        switch intent {
        case .crisis, .someoneElseInDanger, .check, .command(.crisis): break
        default: return nil
        }
        var reply = conversation.respond(toSanitized: sanitized, as: intent)
        if reply.safety != .crisis { reply = conversation.start(at: .crisis) }
        // Said by a conversation of its own, in the same language: ending there adds no reminder.
        var note = Conversation(content: content, settings: conversation.state.settings)
        reply.messages += note.start(at: .notKept).messages
        reply.options = []
        reply.expects = .text
        reply.effects = []
        reply.problems = []
        tally.count(reply)
        return .reply(session: key, id: id, reply)
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
                ProtocolError(.unknownOrg, "unknown org profile '\(profile)'"), id: id, session: session.key)
        }
        if let language, !content.languages.offers(language) {
            return .error(
                ProtocolError(.unknownLanguage, content.languages.refusal(of: language)), id: id, session: session.key
            )
        }
        var conversation = Conversation(
            content: content,
            settings: conversationSettings(
                language: language, region: region, profile: profile, key: session.key, followUp: session.followUp))
        let reply = conversation.finishing(conversation.start()) { Self.perform($0, in: &session) }
        turn = reply
        return finish(
            conversation, reply: reply, profile: profile, id: id, line: id.map { Self.lineKey($0, "start") },
            session: &session)
    }

    private func conversationSettings(
        language: Language?, region: Region?, profile: String, key: String, followUp: FollowUp?
    ) -> ConversationSettings {
        let content = contents[profile] ?? contents[""]
        return ConversationSettings(
            language: language ?? settings.language, region: region ?? settings.region,
            seed: Self.seed(for: key),
            today: today, schedule: settings.schedule ?? content?.organisation?.schedule ?? .olvg,
            followUp: followUp, memoryLocation: ConversationSettings.bridgeMemory, canWriteFiles: false,
            keptHours: settings.keptHours)
    }

    /// Carries out the reply's effects and keeps the session's new state with its answer.
    private func finish(
        _ conversation: Conversation, reply: Reply, profile: String, id: RequestID?, line: String?,
        session: inout SessionRecord
    ) -> ProtocolResponse {
        var reply = reply
        for problem in reply.problems { Self.log.error("\(problem)") }
        for effect in reply.effects {
            _ = Self.perform(effect, in: &session)
            if effect == .forgetConversation {
                // "vergeet mij": nothing of the session stays, and the reply is written only
                // after the deletion is committed.
                reply.effects = [.forgetConversation]  // written as "forgotten": a bridge drops its own record too
                reply.problems = []
                return .reply(session: session.key, id: id, reply)
            }
        }
        reply.effects = []
        reply.problems = []
        let response = ProtocolResponse.reply(session: session.key, id: id, reply)
        if reply.isFinished, id == nil {
            // What was typed is not needed any more: the conversation is deleted before the
            // reply is written. A consented follow-up stays.
            session.endConversation()
            return response
        }
        var answered = session.stored?.answeredLines ?? []
        if let line, let id {
            // Kept to answer the same line again, with the session's last few (a bridge may have
            // several lines of one person in flight).
            let kept = AnsweredLine(line: line, reply: KeptReply.encoded(reply, id: id))
            answered = Array((answered + [kept]).suffix(AnsweredLine.keptPerSession))
        }
        // An ended conversation keeps no state: only its answered lines, for a line sent again
        // (see SweepLimits.replayMinutes).
        session.stored = StoredSession(
            state: reply.isFinished ? Data() : Data(conversation.state.binaryEncoded()), profile: profile,
            answeredLines: answered, lastActivity: Int64(clock().timeIntervalSince1970), isEnded: reply.isFinished)
        return response
    }

    /// Carries out an effect of a turn in the session's record, which is committed with the
    /// reply: a bridge writes its reply only once what the reply says was kept is kept.
    static func perform(_ effect: Effect, in session: inout SessionRecord) -> EffectOutcome {
        switch effect {
        case .remember(let followUp): session.remember(followUp)
        case .forget: session.forgetFollowUp()
        case .forgetConversation: session.delete()
        case .debrief: break  // practice runs in `gids practice` only
        case .writeSummary: return .notPermitted  // a bridge offers no file; the dialogue says it was not written
        }
        return .done
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
            return ProtocolError(.textHasNUL, "'text' contains NUL characters")
        }
        if text.unicodeScalars.contains("\u{1B}") || text.unicodeScalars.contains("\u{9B}") {
            return ProtocolError(
                .textHasEscapeSequence, "'text' contains terminal escape sequences; send plain text")
        }
        return nil
    }
}
