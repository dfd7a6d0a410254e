import Foundation
import GRDB
import Guide

/// One stored conversation of the line protocol.
public struct StoredSession: Sendable {
    /// The encoded conversation state.
    public var state: Data
    /// The organisation profile the session uses ("" for none).
    public var profile: String
    /// The session's last lines with an `id` and their replies, oldest first (at most
    /// ``AnsweredLine/keptPerSession``), to answer a line sent again the same way.
    public var answeredLines: [AnsweredLine]
    /// When the session was last used, in seconds since 1970.
    public var lastActivity: Int64
    /// Whether the conversation has ended: only its answered lines are kept (no state), to
    /// answer one of them again should the bridge send it again, until ``SessionTransaction/sweep(_:)``.
    public var isEnded: Bool

    public init(
        state: Data, profile: String, answeredLines: [AnsweredLine] = [], lastActivity: Int64, isEnded: Bool = false
    ) {
        self.state = state
        self.profile = profile
        self.answeredLines = answeredLines
        self.lastActivity = lastActivity
        self.isEnded = isEnded
    }
}

/// The sessions of `gids serve` and `gids reply`, with their consented follow-ups, in
/// gids's SQLite database (or in memory for `:memory:`). Session keys are stored
/// pseudonymised, and conversation states and kept replies sealed (see ``SessionKeys``).
public final class SessionDatabase: @unchecked Sendable {
    public let database: GidsDatabase
    public let keys: SessionKeys

    /// The file `gids serve` and `gids reply` keep their sessions in by default, in the data
    /// folder: apart from a person's own memory (``SQLiteFollowUpStore/fileName``), so that
    /// `gids memory` and `gids forget` never see or delete the sessions of a bridge.
    public static let defaultFileName = "serve.sqlite"

    /// Whether the file at `path` holds sessions of a bridge, read without changing it: an
    /// earlier gids kept them in the data folder's `gids.sqlite`. False for anything else.
    public static func holdsSessions(atPath path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        let found = try? DatabaseQueue(path: path, configuration: configuration).read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session)")
        }
        return found == true
    }

    /// Opens the store at `path` (`:memory:` for one that lives as long as the process). The
    /// key file is `keyFile`, by default `path` + `.key`; it is created with a new store, and
    /// a store that holds anything but has no key file is refused unchanged.
    public init(path: String, keyFile: String? = nil) throws {
        (database, keys) = try Self.open(path, keyFile: keyFile ?? path + ".key")
        lastDataVersion = try database.writer.writeWithoutTransaction {
            try Int.fetchOne($0, sql: "PRAGMA data_version")
        }
        try sealRowsWrittenBeforeSealing()
    }

    /// Opens a store that cannot be written (`reason`, such as ``StoreError/notWritable(path:detail:)``)
    /// for reading only: its sessions can be read, and every ``transaction(_:)`` fails with
    /// `reason`, as a full disk's would. The key file is checked as for writing; with no store
    /// and no key file there is nothing to read.
    public init(readingOnly path: String, keyFile: String? = nil, because reason: StoreError) throws {
        let keyFile = keyFile ?? path + ".key"
        var keys = SessionKeys()
        database = try GidsDatabase(readingOnly: path, because: reason) { db in
            guard try !Self.isEmpty(db) else { return }
            keys = try SessionKeys(file: keyFile, allowCreating: false)
            try Self.verify(keys, in: db, path: path, keyFile: keyFile)
        }
        self.keys = keys
        lastDataVersion = try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    }

    private static func open(_ path: String, keyFile: String) throws -> (GidsDatabase, SessionKeys) {
        guard path != ":memory:" else { return (try GidsDatabase(path: path), SessionKeys()) }
        var keys: SessionKeys?
        let database = try GidsDatabase(path: path) { db in
            let opened = try SessionKeys(file: keyFile, allowCreating: try isEmpty(db))
            try verify(opened, in: db, path: path, keyFile: keyFile)
            keys = opened
        }
        guard let keys else { throw StoreError.missingKey(path: keyFile) }
        chmod(keyFile, 0o600)
        return (database, keys)
    }

    /// Refuses a key file that is not the store's own, before anything is read or written with
    /// it: the store's check value (``SessionKeys/checkValue``) must match, and a store written
    /// before there was one must open its first sealed row (or follow-up name) with the key.
    private static func verify(_ keys: SessionKeys, in db: Database, path: String, keyFile: String) throws {
        let wrongKey = StoreError.wrongKey(path: path, keyFile: keyFile)
        if try db.tableExists("key_check") {
            if let value = try String.fetchOne(db, sql: "SELECT value FROM key_check") {
                guard value == keys.checkValue else { throw wrongKey }
                return
            }
        }
        if try db.tableExists("session"), try db.columns(in: "session").contains(where: { $0.name == "sealed" }),
            let row = try Row.fetchOne(db, sql: "SELECT key, state FROM session WHERE sealed LIMIT 1")
        {
            guard (try? keys.open(row["state"], for: row["key"])) != nil else { throw wrongKey }
        } else if try db.tableExists("reachable"),
            let row = try Row.fetchOne(db, sql: "SELECT key, sealed_session FROM reachable LIMIT 1")
        {
            guard keys.unseal(row["sealed_session"], for: row["key"]) != nil else { throw wrongKey }
        }
    }

    /// Whether the database holds no session, no follow-up and no key check (or no tables yet).
    private static func isEmpty(_ db: Database) throws -> Bool {
        for table in ["session", "follow_up", "key_check"] where try db.tableExists(table) {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true { return false }
        }
        return true
    }

    /// Seals the states and replies of a store written by a gids that kept them plain (then
    /// erases the plain copies from the files), and keeps the key's check value in a store
    /// written before there was one.
    private func sealRowsWrittenBeforeSealing() throws {
        let sealed = try transaction { transaction in
            try transaction.keepKeyCheck()
            return try transaction.sealPlainRows()
        }
        if sealed > 0 { database.eraseDeleted() }
    }

    // Touched only inside the writer's transactions, which GRDB runs one at a time.
    private var transactionsBegun = 0
    private var lastDataVersion: Int?

    /// How many write transactions this store has begun. Read it where the transactions are
    /// run, between them.
    public var transactionCount: Int { transactionsBegun }

    /// Runs `body` in one write transaction: every change in it is committed together, or none.
    /// The transaction takes the write lock at once (IMMEDIATE), so two processes working on
    /// the same session wait for each other instead of failing on a stale read.
    ///
    /// - Throws: ``StoreError/moved(path:)``, committing nothing, once the store's path no
    ///   longer names the file that was opened; ``StoreError/commitFailed(reason:code:)`` when
    ///   SQLite could not write or commit (a full disk); the store's reason when it could only
    ///   be opened for reading; and whatever `body` throws otherwise.
    public func transaction<T>(_ body: (SessionTransaction) throws -> T) throws -> T {
        if let reason = database.cannotWrite { throw reason }
        do {
            return try writeTransaction(body)
        } catch let error as DatabaseError {
            // Its description would hold the statement: only SQLite's message and code are kept.
            throw StoreError.commitFailed(
                reason: error.message ?? "no message", code: Int(error.extendedResultCode.rawValue))
        }
    }

    private func writeTransaction<T>(_ body: (SessionTransaction) throws -> T) throws -> T {
        try database.writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                transactionsBegun += 1
                // Changes only when another connection (another gids process) has committed.
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                let othersCommitted = version != lastDataVersion
                lastDataVersion = version
                result = try body(
                    SessionTransaction(
                        db: db, keys: keys, number: transactionsBegun, othersHaveCommitted: othersCommitted))
                // Nothing is committed into a file that no longer has its name: it would be lost.
                try database.checkInPlace()
                return .commit
            }
            guard let result else {
                throw StoreError.unreadable(path: database.path, detail: "the transaction ended without a result")
            }
            return result
        }
    }

    /// Reads sessions as last committed, outside the write transactions: on a reader
    /// connection of a file store, so while the writer is writing or waiting for the disk
    /// (an in-memory store has one connection, and reads wait for the writer).
    public func readCommitted<T>(_ body: (SessionSnapshot) throws -> T) throws -> T {
        try database.writer.read { try body(SessionSnapshot(db: $0, keys: keys)) }
    }
}

/// The sessions as last committed, for reading ahead of a transaction (see
/// ``SessionDatabase/readCommitted(_:)``).
public struct SessionSnapshot {
    let db: Database
    let keys: SessionKeys

    /// The sessions as committed, in the order given; see ``SessionTransaction/read(_:)-([PseudonymisedKey])``.
    public func read(_ sessions: [PseudonymisedKey]) throws -> [SessionRecord] {
        try db.sessionRecords(sessions, keys: keys)
    }

    /// How many conversations are going on; see ``SessionTransaction/count()``.
    public func count() throws -> Int {
        try db.conversationCount()
    }

    /// Whether ``SessionTransaction/sweep(_:)`` has anything to delete.
    public func hasExpired(_ limits: SweepLimits) throws -> Bool {
        let idle =
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM session WHERE last_activity < ? OR (ended AND last_activity < ?))",
                arguments: [limits.idleCutoff, limits.endedCutoff]) ?? false
        return try idle || !SQLiteFollowUpStore.expiredSubjects(today: limits.today, in: db).isEmpty
    }
}

/// The sessions as seen inside one transaction.
public struct SessionTransaction {
    let db: Database
    let keys: SessionKeys
    /// This transaction's place among the store's write transactions (1 for the first).
    public let number: Int
    /// Whether another connection committed changes since the store's previous transaction
    /// (or since it was opened): what was read outside this transaction may be stale.
    public let othersHaveCommitted: Bool

    // The statements run on every turn are prepared once per connection (`cachedStatement`):
    // preparing them again each time cost more than running them.

    public func session(_ key: String) throws -> StoredSession? {
        try read(key).stored
    }

    /// Reads a session and its follow-up in one go, to change them in memory and write them
    /// back with ``write(_:)``. One query for a known session without a follow-up, which is
    /// nearly every line.
    public func read(_ key: String) throws -> SessionRecord {
        try read([keys.pseudonymised(key)])[0]
    }

    /// ``read(_:)-(String)`` for many sessions at once, in the order given, whose keys' stored
    /// form is already worked out (by the same store's ``SessionKeys``).
    public func read(_ sessions: [PseudonymisedKey]) throws -> [SessionRecord] {
        try db.sessionRecords(sessions, keys: keys)
    }

    /// Writes what changed in a record read with ``read(_:)-(String)``.
    public func write(_ record: SessionRecord) throws {
        try write([record])
    }

    /// Writes what changed in records read with ``read(_:)-([PseudonymisedKey])``, one record
    /// per session. (Many sessions to a statement saved no time: SQLite then keeps a journal
    /// for each statement.)
    public func write(_ records: [SessionRecord]) throws {
        for record in records {
            for change in record.followUpChanges {
                if let followUp = change {
                    try saveFollowUp(followUp, pseudonym: record.pseudonym, key: record.key)
                } else {
                    try forgetFollowUp(pseudonym: record.pseudonym)
                }
            }
            if record.isDeleted {
                try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [record.pseudonym])
            }
            if record.isChanged, let stored = record.stored {
                try save(stored, pseudonym: record.pseudonym)
            }
        }
    }

    /// Writes a session's row. Its answered lines go sealed into `answered`; `last_id` keeps the
    /// newest line's key and `last_reply` (where an earlier gids kept the one reply) is cleared.
    private func save(_ session: StoredSession, pseudonym: String) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO session (key, state, profile, last_id, last_reply, answered, last_activity, ended, sealed)
                VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 1)
                ON CONFLICT(key) DO UPDATE SET state = excluded.state, profile = excluded.profile, last_id = excluded.last_id,
                last_reply = NULL, answered = excluded.answered, last_activity = excluded.last_activity,
                ended = excluded.ended, sealed = 1
                """)
        let answered = session.answeredLines.isEmpty ? nil : AnsweredLine.encoded(session.answeredLines)
        try statement.execute(arguments: [
            pseudonym, try keys.seal(session.state, for: pseudonym), session.profile, session.answeredLines.last?.line,
            try answered.map { try keys.seal($0, for: pseudonym) }, session.lastActivity, session.isEnded,
        ])
    }

    /// Keeps the key's check value, in a store that has none yet (see ``SessionKeys/checkValue``).
    fileprivate func keepKeyCheck() throws {
        try db.execute(
            sql: "INSERT INTO key_check (value) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM key_check)",
            arguments: [keys.checkValue])
    }

    /// Seals the rows a gids that kept states plain wrote; returns how many.
    fileprivate func sealPlainRows() throws -> Int {
        let plain = try Row.fetchAll(db, sql: "SELECT key, state, last_reply FROM session WHERE sealed = 0")
        for row in plain {
            let pseudonym: String = row["key"]
            let reply: Data? = row["last_reply"]
            try db.execute(
                sql: "UPDATE session SET state = ?, last_reply = ?, sealed = 1 WHERE key = ?",
                arguments: [
                    try keys.seal(row["state"], for: pseudonym), try reply.map { try keys.seal($0, for: pseudonym) },
                    pseudonym,
                ])
        }
        return plain.count
    }

    /// Deletes a session and everything remembered about it.
    public func forget(_ key: String) throws {
        let pseudonym = keys.pseudonym(of: key)
        try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [pseudonym])
        try forgetFollowUp(pseudonym: pseudonym)
    }

    /// Keeps a consented follow-up, and the session key sealed so that `due` can name it.
    private func saveFollowUp(_ followUp: FollowUp, pseudonym: String, key: String) throws {
        try SQLiteFollowUpStore.save(followUp, for: pseudonym, in: db)
        try db.execute(
            sql: "INSERT OR REPLACE INTO reachable (key, sealed_session) VALUES (?, ?)",
            arguments: [pseudonym, try keys.seal(key)])
    }

    private func forgetFollowUp(pseudonym: String) throws {
        try SQLiteFollowUpStore.forget(pseudonym, in: db)
        try db.execute(sql: "DELETE FROM reachable WHERE key = ?", arguments: [pseudonym])
    }

    /// The sessions whose next follow-up talk is due on `today`, by their key, sorted.
    public func dueSessions(on today: DayDate) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT key, sealed_session FROM reachable").compactMap { row -> String? in
            guard let followUp = try SQLiteFollowUpStore.followUp(for: row["key"], in: db),
                followUp.isNextTalkDue(on: today)
            else { return nil }
            return keys.unseal(row["sealed_session"], for: row["key"])
        }.sorted()
    }

    /// Deletes the conversations idle past `limits`, and the last replies of ended ones kept
    /// past them, with what was typed in them; and the follow-ups whose last talk is longer
    /// ago than ``SQLiteFollowUpStore/retentionDays``, as the terminal does. Returns how many
    /// of each.
    public func sweep(_ limits: SweepLimits) throws -> (conversations: Int, followUps: Int) {
        try db.execute(
            sql: "DELETE FROM session WHERE last_activity < ? OR (ended AND last_activity < ?)",
            arguments: [limits.idleCutoff, limits.endedCutoff])
        let conversations = db.changesCount
        let expired = try SQLiteFollowUpStore.expiredSubjects(today: limits.today, in: db)
        for pseudonym in expired { try forgetFollowUp(pseudonym: pseudonym) }
        return (conversations, expired.count)
    }

    /// How many conversations are stored (not counting ended ones).
    public func count() throws -> Int {
        try db.conversationCount()
    }
}

extension Database {
    /// How many conversations are going on (ended ones wait only to answer a line sent again).
    func conversationCount() throws -> Int {
        try Int.fetchOne(self, sql: "SELECT count(*) FROM session WHERE NOT ended") ?? 0
    }

    /// Sessions with their follow-ups, in the order given: one query for them all, and one
    /// more for each that has a follow-up. (A query for each session cost more in GRDB's
    /// setting up of the query than in SQLite's reading of the row.) A state that does not
    /// open with the store's key (changed on disk) is read as no state: that session starts
    /// anew.
    fileprivate func sessionRecords(_ sessions: [PseudonymisedKey], keys: SessionKeys) throws -> [SessionRecord] {
        let statement = try cachedStatement(
            sql: """
                SELECT wanted.value, state, profile, last_id, last_reply, last_activity,
                    EXISTS (SELECT 1 FROM follow_up WHERE subject = wanted.value), ended, answered
                FROM json_each(?) AS wanted LEFT JOIN session ON session.key = wanted.value
                """)
        // Stored keys are hexadecimal digits: nothing to escape.
        let list = "[" + sessions.map { "\"\($0.pseudonym)\"" }.joined(separator: ",") + "]"
        var found: [String: (stored: StoredSession?, hasFollowUp: Bool)] = .init(minimumCapacity: sessions.count)
        // Read from the cursor by column position: a fetched row is copied, and looking
        // columns up by name builds a dictionary of names for every row.
        let rows = try Row.fetchCursor(statement, arguments: [list])
        while let row = try rows.next() {
            let pseudonym: String = row[0]
            let sealedState: Data? = row[1]
            let stored = sealedState.map { sealed in
                StoredSession(
                    state: (try? keys.open(sealed, for: pseudonym)) ?? Data(), profile: row[2],
                    answeredLines: answeredLines(lastID: row[3], lastReply: row[4], answered: row[8], of: pseudonym),
                    lastActivity: row[5], isEnded: row[7])
            }
            found[pseudonym] = (stored, row[6])
        }
        /// A row's answered lines: sealed in `answered`, or as an earlier gids kept the one
        /// reply (`last_id` and `last_reply`); none when they do not open with the store's key.
        func answeredLines(lastID: String?, lastReply: Data?, answered: Data?, of pseudonym: String) -> [AnsweredLine] {
            if let answered {
                return (try? keys.open(answered, for: pseudonym)).flatMap(AnsweredLine.decoded) ?? []
            }
            guard let lastID, let reply = lastReply.flatMap({ try? keys.open($0, for: pseudonym) }) else { return [] }
            return [AnsweredLine(line: lastID, reply: reply)]
        }
        return try sessions.map { session in
            let row = found[session.pseudonym]
            let followUp =
                row?.hasFollowUp == true ? try SQLiteFollowUpStore.followUp(for: session.pseudonym, in: self) : nil
            return SessionRecord(
                key: session.key, pseudonym: session.pseudonym, stored: row?.stored, followUp: followUp)
        }
    }
}
