import Foundation
import Guide
import Logging
import SessionStore

/// The heart of `gids serve` and `gids reply`: answers a batch of request lines for many
/// sessions, committing all their state changes in one transaction before any reply is
/// handed back. Bad lines get an error reply and touch nothing; if the batch cannot be
/// committed, each line is retried on its own so one failure cannot cost others their turn.
///
/// Within a batch, each run of conversation lines is answered session by session: the
/// sessions are read, answered in memory side by side on all cores (``SessionResponder``),
/// and written back in order. Other lines (`forget`, `stats`, ...) are answered on their own
/// between the runs, as they may read or change any session.
///
/// A batch can also be answered ahead of its transaction (``prepare(_:readingAhead:)``), while
/// the batch before it is still being committed (``CommitPipeline``); ``commit(_:writingAheadIf:)``
/// writes those answers when the caller says the store is as they expect (the rule is
/// ``GroupCommitStateMachine``'s), and answers the lines again in the transaction otherwise.
/// `prepare` may run on one thread while `commit` runs on another; `commit` alone changes the
/// server, one call at a time.
///
/// A commit that fails is told to the operator (the log, never any content) and counted in
/// `stats`. Its lines are tried one by one; a line that still cannot be stored gets
/// `storage_failed`, unless the safety net acts on it: the crisis answer needs nothing stored,
/// so it is given all the same (``SessionResponder/unkeptCrisisAnswer(to:id:session:stored:tally:)``).
/// After ``maximumFailedCommitsInARow`` batches in a row of which not one line could be stored,
/// ``storeIsDown`` says the store is unusable: the operator is told once, and the server goes on
/// giving crisis answers (and trying each batch) until a commit works again.
public final class SessionServer: @unchecked Sendable {
    /// What the server uses for sessions that do not say otherwise.
    public struct Settings: Sendable {
        /// The language of a conversation whose first message does not tell.
        public var language: Language
        /// The region whose help lines are given; nil to have the dialogue ask.
        public var region: Region?
        /// The schedule for new follow-ups (an organisation profile's own schedule wins).
        public var schedule: FollowUpSchedule?
        /// A conversation idle this many hours is deleted, with everything typed in it (a
        /// consented follow-up stays); the person is told so at the start.
        public var keptHours: Int

        /// Settings for sessions that do not say otherwise.
        public init(language: Language, region: Region?, schedule: FollowUpSchedule?, keptHours: Int) {
            self.language = language
            self.region = region
            self.schedule = schedule
            self.keptHours = keptHours
        }
    }

    typealias ParsedLine = Result<ProtocolRequest, ParseFailure>

    /// After this many batches in a row of which no line could be stored, the store counts as down.
    public static let maximumFailedCommitsInARow = 5

    let store: SessionDatabase
    // Replaced by `replaceContents` only, between batches.
    private(set) var responder: SessionResponder
    private(set) var parser: RequestParser
    private let started: Date
    /// What the server did, for monitoring (`gids serve --metrics`).
    public let metrics: ServerMetrics
    private let log = Logger(label: "gids.store")
    // Changed by `commit` only.
    private var lines = 0
    private var errors = 0
    /// Transactions that could not be committed.
    private var storageFailures = 0
    private var failedCommitsInARow = 0
    /// Why the last commit failed, in SQLite's words (never any content).
    public private(set) var lastStorageFailure: String?
    private var lastSweep: Date?

    /// A server for lines in `format` (read by ``RequestParser``).
    public init(
        store: SessionDatabase, contents: [String: GuideContent], settings: Settings, format: LineFormat = .json,
        clock: @escaping @Sendable () -> Date
    ) {
        self.store = store
        responder = SessionResponder(contents: contents, settings: settings, clock: clock, keys: store.keys)
        parser = Self.parser(for: contents, format: format)
        started = clock()
        metrics = ServerMetrics(started: started)
    }

    /// The parser for lines in `format` that may name these contents' profiles and the default
    /// content's languages.
    private static func parser(for contents: [String: GuideContent], format: LineFormat) -> RequestParser {
        RequestParser(
            profiles: Set(contents.keys.filter { !$0.isEmpty }),
            languages: contents[""]?.languages.all ?? Language.sources, format: format)
    }

    /// Serves new content from the next batch on: `gids serve` on SIGHUP, once the content
    /// has been checked. A stored conversation whose node was edited starts that node again
    /// (see ``DialogueRuntime/DialogueEvent/nodeRestarted(_:)``). Call it only between batches,
    /// as ``CommitPipeline/replaceContents(_:)`` does.
    public func replaceContents(_ contents: [String: GuideContent]) {
        responder = SessionResponder(
            contents: contents, settings: responder.settings, clock: responder.clock, keys: responder.keys)
        parser = Self.parser(for: contents, format: parser.format)
        metrics.countReload(.loaded)
    }

    /// Reads how many sessions the store holds into ``metrics``; nil when the store cannot be read.
    @discardableResult
    public func countSessions() -> Int? {
        guard let count = try? store.readCommitted({ try $0.count() }) else { return nil }
        metrics.sessions.set(Int64(count))
        return count
    }

    /// Answers every item, in order, and commits what they changed in one transaction before
    /// returning: one response per item. `gids reply` answers its one line this way.
    ///
    ///     let server = SessionServer(store: store, contents: ["": content], settings: settings, clock: Date.init)
    ///     let responses = server.handle([.line(Array(#"{"session":"anna","text":"hoi"}"#.utf8))])
    ///     // one .reply for anna, already committed to the store
    public func handle(_ items: [InputLines.Item]) -> [ProtocolResponse] {
        commit(prepare(items, readingAhead: nil)) { _, _ in false }.responses
    }

    /// Parses the items and, given `base`, answers them ahead of their transaction when they
    /// are all conversation lines (or unreadable): from the sessions as last committed, and
    /// for the sessions of `base.pending` as its answers left them. Without `base`, or for a
    /// batch with lines for the server, the answering is left to ``commit(_:writingAheadIf:)``.
    func prepare(_ items: [InputLines.Item], readingAhead base: PreparedBatch.Base?) -> PreparedBatch {
        let parser = parser
        let requests = items.concurrentMap(minimumShare: 64) { item -> ParsedLine in
            switch item {
            case .line(let bytes): parser.parse(bytes[...])
            case .failed(let error): .failure(ParseFailure(error))
            }
        }
        guard let base, !requests.contains(where: Self.isForServer) else {
            return PreparedBatch(requests: requests, ahead: nil)
        }
        let pending = Dictionary(
            uniqueKeysWithValues: (base.pending?.ahead?.records ?? []).map { (SessionIdentity($0.key), $0.written) })
        var tally = TurnTally()
        let answered = try? answerConversationLines(requests[...], tally: &tally) { sessions in
            let unknown = sessions.filter { pending[SessionIdentity($0.key)] == nil }
            var read = try store.readCommitted { try $0.read(unknown) }[...]
            return sessions.map { pending[SessionIdentity($0.key)] ?? read.removeFirst() }
        }
        return PreparedBatch(
            requests: requests,
            ahead: answered.map {
                .init(
                    responses: $0.responses, records: $0.records, tally: tally,
                    readAhead: ReadAhead(transaction: base.transaction, countsOnPrevious: base.pending != nil))
            })
    }

    /// Commits a batch and returns its responses, one per line, with whether the answers worked
    /// out ahead were written and the store's transaction count afterwards. The answers worked
    /// out ahead are written when `mayWriteAhead`, given the transaction's number and whether
    /// another process wrote since the store's previous transaction, says the store is as they
    /// expect; otherwise the lines are answered in the transaction. Calls must come one at a
    /// time, in the batches' order.
    func commit(
        _ batch: PreparedBatch, writingAheadIf mayWriteAhead: (_ transaction: Int, _ othersHaveCommitted: Bool) -> Bool
    ) -> (responses: [ProtocolResponse], wroteAnswersAhead: Bool, transactionsAfter: Int) {
        lines += batch.requests.count
        var wroteAhead = false
        var responses: [ProtocolResponse]
        var tally = TurnTally()
        // Whether the batch deleted a conversation (it ended, or "vergeet mij"): then it is
        // erased from the files before the reply is written.
        var deletedSessions = false
        let commitStarted = DispatchTime.now()
        do {
            responses = try store.transaction { transaction in
                if let ahead = batch.ahead, mayWriteAhead(transaction.number, transaction.othersHaveCommitted) {
                    try transaction.write(ahead.records)
                    deletedSessions = ahead.records.contains(where: \.isDeleted)
                    wroteAhead = true
                    tally = ahead.tally
                    return ahead.responses
                }
                return try answer(batch.requests[...], in: transaction, tally: &tally, deleted: &deletedSessions)
            }
            // Only a turn stored shows the store works again: a bridge's pings and stats would
            // otherwise keep a store that takes no turn from ever being given up.
            if batch.requests.contains(where: { !Self.isForServer($0) }) {
                if storeIsDown { log.notice("the store works again: lines are stored and acknowledged") }
                failedCommitsInARow = 0
            }
        } catch {
            wroteAhead = false
            noteStorageFailure(error)
            var stored = 0
            tally = TurnTally()
            responses = batch.requests.map { request in
                do {
                    var turn = TurnTally()
                    let response = try store.transaction {
                        try answer([request], in: $0, tally: &turn, deleted: &deletedSessions)[0]
                    }
                    stored += 1
                    tally = tally + turn
                    return response
                } catch {
                    noteStorageFailure(error)
                    return answerWithoutStoring(request, tally: &tally)
                }
            }
            let wasDown = storeIsDown
            failedCommitsInARow = stored == 0 ? failedCommitsInARow + 1 : 0
            log.error(
                "a commit failed; lines stored one by one: \(stored) of \(batch.requests.count), the others were answered storage_failed (a crisis with the crisis answer)",
                metadata: ["reason": "\(lastStorageFailure ?? "unknown")", "store": "\(store.database.path)"])
            if storeIsDown, !wasDown {
                log.critical(
                    "\(Self.maximumFailedCommitsInARow) commits in a row failed; no line since was stored. Check the disk and the store: until a commit works again, every line gets storage_failed, and a crisis the crisis answer",
                    metadata: ["reason": "\(lastStorageFailure ?? "unknown")", "store": "\(store.database.path)"])
            }
        }
        metrics.lines.increment(by: Int64(batch.requests.count))
        metrics.count(tally)
        for case .error(let error, _, _) in responses {
            errors += 1
            metrics.countError(code: error.code.rawValue)
        }
        if tally.restartedNodes > 0 {
            log.notice(
                "the content changed under conversations: the nodes they stood in started again, each with a notice",
                metadata: ["count": "\(tally.restartedNodes)"])
        }
        let forgot = responses.contains { if case .forgotten = $0 { true } else { false } }
        // Before "forgotten" (or the reply to "vergeet mij", or a goodbye) is written, the
        // conversation is gone from the files too.
        sweepIfDue()
        if forgot || deletedSessions { store.database.eraseDeleted() }
        metrics.commitDuration.record(
            .nanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - commitStarted.uptimeNanoseconds)))
        return (responses, wroteAhead, store.transactionCount)
    }

    /// Whether the store is down: it could only be opened for reading, or has failed for
    /// ``maximumFailedCommitsInARow`` batches in a row.
    private var storeIsDown: Bool {
        store.database.cannotWrite != nil || failedCommitsInARow >= Self.maximumFailedCommitsInARow
    }

    /// Whether the lines last answered were not stored: the store could only be opened for
    /// reading, or the last batch with a conversation line could not be committed at all.
    public var lastLinesWereNotStored: Bool {
        store.database.cannotWrite != nil || failedCommitsInARow > 0
    }

    /// Counts a failed transaction and keeps why, for the operator: a ``StoreError`` says it in
    /// plain words (never the statement or any content); any other error by its type only.
    private func noteStorageFailure(_ error: any Error) {
        storageFailures += 1
        metrics.storageFailures.increment()
        lastStorageFailure = (error as? StoreError)?.description ?? "\(type(of: error))"
    }

    private static func isForServer(_ parsed: ParsedLine) -> Bool {
        guard case .success(let request) = parsed, case .server = request.action else { return false }
        return true
    }

    private func failure(_ request: ParsedLine) -> ProtocolResponse {
        let parsed = try? request.get()
        return .error(.storage, id: parsed?.id, session: parsed?.session)
    }

    /// The answer to a line whose turn could not be stored: the crisis answer when the safety
    /// net acts on it (from the session as last committed, when that can be read), counted in
    /// ``ServerMetrics/unkeptCrisisAnswers``; `storage_failed` otherwise.
    private func answerWithoutStoring(_ parsed: ParsedLine, tally: inout TurnTally) -> ProtocolResponse {
        guard case .success(let request) = parsed, case .conversation(let key, .message(let text)) = request.action
        else { return failure(parsed) }
        let record = try? store.readCommitted { try $0.read([store.keys.pseudonymised(key)]) }.first
        guard
            let answer = responder.unkeptCrisisAnswer(
                to: text, id: request.id, session: key, stored: record?.stored, tally: &tally)
        else { return failure(parsed) }
        metrics.unkeptCrisisAnswers.increment()
        return answer
    }

    /// Answers the lines in order: runs of conversation lines (and lines that could not be
    /// read) together, each line for the server on its own.
    /// `deleted` is set when a conversation was deleted.
    private func answer(
        _ requests: ArraySlice<ParsedLine>, in transaction: SessionTransaction, tally: inout TurnTally,
        deleted: inout Bool
    ) throws -> [ProtocolResponse] {
        var responses: [ProtocolResponse] = []
        responses.reserveCapacity(requests.count)
        var start = requests.startIndex
        while start < requests.endIndex {
            if case .success(let request) = requests[start], case .server(let line) = request.action {
                responses.append(try answer(line, id: request.id, in: transaction))
                start += 1
                continue
            }
            let run = requests[start...].prefix { !Self.isForServer($0) }
            let answered = try answerConversationLines(run, tally: &tally) { try transaction.read($0) }
            try transaction.write(answered.records)
            deleted = deleted || answered.records.contains(where: \.isDeleted)
            responses += answered.responses
            start = run.endIndex
        }
        return responses
    }

    /// One session's lines in a run, with their place in it.
    private struct SessionLines: Sendable {
        let key: String
        var lines: [(offset: Int, line: ProtocolRequest.ConversationLine, id: RequestID?)] = []
    }

    /// Answers a run of conversation lines: each session's lines in order, the sessions side
    /// by side, from the records `read` gives for their keys. Lines that could not be read
    /// answer for themselves. Returns the responses and the sessions' records to write back.
    private func answerConversationLines(
        _ requests: ArraySlice<ParsedLine>, tally: inout TurnTally,
        reading read: ([PseudonymisedKey]) throws -> [SessionRecord]
    ) throws -> (responses: [ProtocolResponse], records: [SessionRecord]) {
        var responses = requests.map { parsed -> ProtocolResponse? in
            guard case .failure(let failure) = parsed else { return nil }
            return .error(failure.error, id: failure.id, session: failure.session)
        }
        var grouped: [SessionLines] = []
        var position: [SessionIdentity: Int] = [:]
        for (offset, parsed) in requests.enumerated() {
            guard case .success(let request) = parsed, case .conversation(let key, let line) = request.action else {
                continue
            }
            let identity = SessionIdentity(key)
            if position[identity] == nil {
                position[identity] = grouped.count
                grouped.append(SessionLines(key: key))
            }
            grouped[position[identity] ?? 0].lines.append((offset, line, request.id))
        }
        let sessions = grouped
        // The keyed hashes on all cores, then the reads on the connection's thread.
        let records = try read(sessions.map(\.key).concurrentMap(minimumShare: 64, store.keys.pseudonymised))
        let responder = responder
        let answered = Array(sessions.indices).concurrentMap(minimumShare: 16) { index in
            var record = records[index]
            var sessionTally = TurnTally()
            let answers = sessions[index].lines.map {
                responder.answer($0.line, id: $0.id, session: &record, tally: &sessionTally)
            }
            return (record: record, answers: answers, tally: sessionTally)
        }
        for (session, result) in zip(sessions, answered) {
            for (line, response) in zip(session.lines, result.answers) { responses[line.offset] = response }
            tally = tally + result.tally
        }
        // Every line has its answer by now.
        return (responses.map { $0 ?? .error(.storage, id: nil, session: nil) }, answered.map(\.record))
    }

    /// Answers a line for the server.
    private func answer(_ line: ProtocolRequest.ServerLine, id: RequestID?, in transaction: SessionTransaction) throws
        -> ProtocolResponse
    {
        switch line {
        case .ping: return .pong(id: id)
        case .stats:
            let sessions = try transaction.count()
            metrics.sessions.set(Int64(sessions))
            return .stats(
                id: id, sessions: sessions, lines: lines, errors: errors, storageFailures: storageFailures,
                uptimeSeconds: Int(responder.clock().timeIntervalSince(started)))
        case .due:
            return .due(id: id, sessions: try transaction.dueSessions(on: DayDate.today(from: responder.clock())))
        case .forget(let session):
            try transaction.forget(session)
            return .forgotten(id: id, session: session)
        }
    }

    /// Deletes the conversations idle longer than ``Settings/keptHours`` and the expired
    /// follow-ups, and erases them from the files; at most once a minute (a commit or a timer
    /// of `gids serve` calls this, one at a time). Returns how many were deleted.
    @discardableResult
    public func sweepIfDue() -> Int {
        let now = responder.clock()
        if let last = lastSweep, now.timeIntervalSince(last) < 60 { return 0 }
        lastSweep = now
        let limits = SweepLimits(now: now, keptHours: responder.settings.keptHours)
        // A transaction only when there is something to delete: answers read ahead expect
        // no transaction of the server's own between theirs.
        guard (try? store.readCommitted { try $0.hasExpired(limits) }) == true else { return 0 }
        let deleted = (try? store.transaction { try $0.sweep(limits) }).map { $0.conversations + $0.followUps } ?? 0
        if deleted > 0 { store.database.eraseDeleted() }
        return deleted
    }
}
